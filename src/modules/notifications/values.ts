/** The closed lists of the notifications module, apart from types.ts so that tables.ts imports nothing of the database. */
export const cadences = ['immediate', 'daily', 'weekly', 'off'] as const;
/** How a person is emailed about a kind: at once, in a daily or weekly digest, or not at all (still listed on the platform). */
export type Cadence = (typeof cadences)[number];

export const followTargetTypes = ['practice', 'partner', 'plan', 'event', 'instrument'] as const;
export type FollowTargetType = (typeof followTargetTypes)[number];
