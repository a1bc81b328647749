/**
 * Test builders of notifications, for this module's tests and for those of the modules that notify: kinds and
 * followable records declared for one test file (the platform's manifests are installed once per process, so the
 * notifications module's own `fills` carry them while the file runs), and the worker's email step run at once.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../core/db/database.js';
import { fill, type Contribution } from '../../core/extensions.js';
import { getTranslator } from '../../core/i18n/i18n.js';
import { installedModules } from '../../core/module.js';
import { testPublicUrl } from '../../core/testing/app.js';
import { deliverNotificationEmails, sendDigests } from './delivery.js';
import { followTargets, notificationKinds } from './kinds.js';
import type { FollowTargetSource, NotificationKind } from './types.js';

/**
 * Declares test-only kinds and follow targets while the calling test file runs. A target type given here hides the
 * platform's own sources of that type, so its titles are the test's.
 */
export function useTestContributions({ kinds = [], targets = [] }: { kinds?: NotificationKind[]; targets?: FollowTargetSource[] }): void {
  const saved = new Map<object, readonly Contribution[] | undefined>();
  beforeAll(() => {
    const hidden = new Set(targets.map((target) => target.type));
    for (const module of installedModules()) {
      saved.set(module, module.fills);
      module.fills = (module.fills ?? []).filter(
        (contribution) => contribution.point !== followTargets || !hidden.has((contribution.value as FollowTargetSource).type),
      );
    }
    const own = installedModules().find((module) => module.name === 'notifications');
    if (!own) throw new Error('The notifications module is not installed');
    own.fills = [...(own.fills ?? []), ...kinds.map((kind) => fill(notificationKinds, kind)), ...targets.map((target) => fill(followTargets, target))];
  });
  afterAll(() => {
    for (const module of installedModules()) module.fills = saved.get(module);
  });
}

/** The email context of the test app (its public address), for running the worker's steps in tests. */
export async function testMailContext() {
  return { translator: await getTranslator(), publicUrl: testPublicUrl };
}

/** Runs the worker's notification email step now, as the next poll would. */
export async function deliverNotificationEmailsNow(db: Db): Promise<number> {
  return deliverNotificationEmails(db, await testMailContext());
}

/** Runs the digest step as if it were `now`. */
export async function sendDigestsAt(db: Db, now: Date) {
  return sendDigests(db, await testMailContext(), now);
}
