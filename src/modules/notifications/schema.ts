/** Input schemas of the notifications module: following a record, a page of the list, the settings form. */
import { z } from 'zod';
import { choice, requiredId } from '../../core/validation/fields.js';
import { followTargetTypes } from './types.js';

/**
 * Where to come back after following: a path on this site only ("/practices/3"), never "//elsewhere" or a URL, so
 * the form cannot be used to send people to another site.
 */
export const localPath = z.preprocess(
  (value) => (typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/'),
  z.string(),
);

export const followSchema = z.object({
  type: choice(followTargetTypes, 'notifications.follow.invalid'),
  id: requiredId('notifications.follow.invalid'),
  returnTo: localPath,
});
export type FollowInput = z.output<typeof followSchema>;
