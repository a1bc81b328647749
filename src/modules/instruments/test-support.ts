/** Test set-up for instruments: a valid new instrument, changed where a test needs it. */
import type { NewInstrumentInput } from './schema.js';

export function newInstrumentInput(partnerId: number, name: string, overrides: Partial<NewInstrumentInput> = {}): NewInstrumentInput {
  return {
    partnerId,
    name,
    description: `${name}: what the instrument does.`,
    textLanguage: 'en',
    kind: 'online_service',
    themeCode: null,
    channels: ['web', 'phone'],
    audiences: ['citizens'],
    languages: ['it', 'en'],
    isFree: true,
    costDescription: '',
    authentication: '',
    dataReused: '',
    licence: null,
    repositoryUrl: null,
    published: true,
    contractValuesPublic: false,
    eventIds: [],
    practiceId: null,
    services: [{ name: `${name}: applying`, description: 'Apply online with your digital identity.' }],
    planId: null,
    actionKey: null,
    stage: 'live',
    stageSince: '2026-01-15',
    ...overrides,
  };
}
