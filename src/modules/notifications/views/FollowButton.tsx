/**
 * The follow/unfollow button of a record's page: a small POST form that works without scripts and comes back to the
 * page. Its text says the state ("Following — stop following"), since aria-pressed belongs to toggle buttons, not to
 * forms that post. Shown to signed-in people only.
 */
import { SubmitButton } from '../../../core/views/components/forms.js';
import { useView } from '../../../core/views/context.js';
import type { FollowTargetType } from '../types.js';

export function FollowButton({ type, id, following }: { type: FollowTargetType; id: number; following: boolean }) {
  const { t, actor, currentPath } = useView();
  if (actor.kind !== 'user') return null;
  return (
    <form method="post" action={following ? '/follows/delete' : '/follows'} class="inline-form follow-form">
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={String(id)} />
      <input type="hidden" name="returnTo" value={currentPath} />
      <SubmitButton variant="secondary">{following ? t('notifications.follow.stop') : t('notifications.follow.start')}</SubmitButton>
    </form>
  );
}
