/**
 * A transfer's study visit or import workshop usually took place at an event. The events module says which events
 * could be a stage's occasion and what they are called, by filling this extension point; the library only keeps the
 * event's id. The dependency stays one way (events use the library, never the other way round).
 */
import type { Db } from '../../../core/db/database.js';
import { extensionPoint } from '../../../core/extensions.js';
import { contributionsTo } from '../../../core/module.js';

export interface TransferEvent {
  id: number;
  title: string;
  startsAt: Date;
}

export interface TransferEventSource {
  /** Events where the practice's owner and the importer met: those either of them hosted or visited. */
  candidates(db: Db, transfer: { programmeId: number; ownerPartnerId: number; importerPartnerId: number }): Promise<TransferEvent[]>;
  /** The events behind the given ids, for showing a transfer's stages. */
  byIds(db: Db, ids: number[]): Promise<TransferEvent[]>;
}

export const transferEventSource = extensionPoint<TransferEventSource>('practices.transfer-events', { single: true });

/** Without an events module, a stage names no event. */
const none: TransferEventSource = { candidates: () => Promise.resolve([]), byIds: () => Promise.resolve([]) };

export function transferEvents(): TransferEventSource {
  return contributionsTo(transferEventSource)[0] ?? none;
}
