/** Races the database must settle: two coordinators naming a lead partner at the same moment. */
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../core/policy/actor.js';
import { aProgramme } from '../../core/testing/factories.js';
import { createPartner, listPartners } from './service.js';
import { useTestDatabase } from '../../core/testing/world.js';

const database = useTestDatabase();

describe('one lead partner per programme', () => {
  it('lets exactly one of ten simultaneous lead partners in and refuses the others by name', async () => {
    const programme = await aProgramme(database.db);
    const actor = systemActor('test');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        createPartner(database.db, actor, programme.id, {
          name: `Lead candidate ${index}`,
          shortName: `L${index}`,
          countryCode: 'IT',
          nutsCode: 'ITC3',
          nutsName: '',
          role: 'lead_partner',
          website: null,
          contactName: null,
          contactEmail: null,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.reason)).toEqual(Array(9).fill('lead_exists'));
    const partners = await listPartners(database.db, actor, programme.id);
    expect(partners.filter((partner) => partner.role === 'lead_partner')).toHaveLength(1);
  });
});
