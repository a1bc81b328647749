/** Rows become domain records by renaming their columns, nothing else. */
import { expect, it } from 'vitest';
import { camelCased } from './rows.js';

it('renames every snake_case column to camelCase and keeps each value as it is', () => {
  const createdAt = new Date('2026-01-02T03:04:05Z');
  expect(camelCased({ id: 7, owner_partner_id: 3, title_2: 'x', created_at: createdAt, themes: null })).toEqual({
    id: 7,
    ownerPartnerId: 3,
    title2: 'x',
    createdAt,
    themes: null,
  });
});
