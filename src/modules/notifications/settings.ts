/**
 * How each person is told, per kind: their choices on /notifications/settings, and the emailed unsubscribe link that
 * turns the kinds of an email (or every kind) off without signing in.
 */
import { recordAudit } from '../../core/audit/audit.js';
import type { Db, Tx } from '../../core/db/database.js';
import type { Locale } from '../../core/i18n/locales.js';
import { done, refuse, type Outcome } from '../../core/outcome.js';
import { systemActor, type Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import { declaredKinds } from './kinds.js';
import { addresseesOf } from '../accounts/service.js';
import * as queries from './queries.js';
import type { Cadence, NotificationKind } from './types.js';

export interface KindSetting extends NotificationKind {
  cadence: Cadence;
}

/** The kinds of one module, named by the module's key (the kind keys' first part). */
export interface KindGroup {
  module: string;
  kinds: KindSetting[];
}

/** Every declared kind with the actor's cadence for it (their choice, else the kind's default), grouped by module. */
export async function notificationSettings(db: Db, actor: Actor): Promise<Outcome<KindGroup[], 'forbidden'>> {
  if (actor.kind !== 'user' || !can(actor, 'notification.settings', { userId: actor.userId })) return refuse('forbidden');
  const chosen = new Map((await queries.listPreferencesOf(db, actor.userId)).map((row) => [row.kind, row.cadence]));
  const groups: KindGroup[] = [];
  for (const kind of declaredKinds().values()) {
    const module = kind.key.split('.')[0] ?? kind.key;
    let group = groups.find((candidate) => candidate.module === module);
    if (!group) groups.push((group = { module, kinds: [] }));
    group.kinds.push({ ...kind, cadence: chosen.get(kind.key) ?? kind.defaultCadence });
  }
  return done(groups);
}

/** Applies choices: stored, pending emails follow them at once, and the change is in the audit log. */
async function applyChoices(trx: Tx, actor: Actor, userId: number, choices: ReadonlyMap<string, Cadence>): Promise<void> {
  const kinds = declaredKinds();
  const before = new Map((await queries.listPreferencesOf(trx, userId)).map((row) => [row.kind, row.cadence]));
  const changed = [...choices].filter(([kind, cadence]) => kinds.has(kind) && (before.get(kind) ?? kinds.get(kind)?.defaultCadence) !== cadence);
  if (changed.length === 0) return;
  await queries.upsertPreferences(
    trx,
    userId,
    changed.map(([kind, cadence]) => ({ kind, cadence })),
  );
  for (const [kind, cadence] of changed) await queries.applyCadenceToPending(trx, userId, kind, cadence);
  await recordAudit(trx, actor, {
    action: 'notification.settings',
    entityType: 'user',
    entityId: userId,
    before: Object.fromEntries(changed.map(([kind]) => [kind, before.get(kind) ?? kinds.get(kind)?.defaultCadence ?? null])),
    after: Object.fromEntries(changed),
  });
}

/** Saves the actor's cadence for each kind given (kinds not declared are ignored: validated at the edge). */
export async function updateNotificationSettings(db: Db, actor: Actor, choices: ReadonlyMap<string, Cadence>): Promise<Outcome<void, 'forbidden'>> {
  if (actor.kind !== 'user' || !can(actor, 'notification.settings', { userId: actor.userId })) return refuse('forbidden');
  await db.transaction().execute((trx) => applyChoices(trx, actor, actor.userId, choices));
  return done(undefined);
}

export interface UnsubscribeLink {
  userId: number;
  locale: Locale;
  /** The declared kinds the link turns off: those named in it, or every kind. */
  kinds: NotificationKind[];
  /** Whether the link names no kind and so turns every email off. */
  all: boolean;
}

/** What an emailed unsubscribe link does, or undefined for an unknown token or a closed account. */
export async function findUnsubscribeLink(db: Db, token: string, kindKeys: readonly string[]): Promise<UnsubscribeLink | undefined> {
  const link = await queries.findTokenHolder(db, token);
  const [holder] = link ? await addresseesOf(db, [link.user_id]) : [];
  if (!holder?.active) return undefined;
  const declared = declaredKinds();
  const named = kindKeys.flatMap((key) => declared.get(key) ?? []);
  const all = named.length === 0;
  return { userId: holder.id, locale: holder.locale, kinds: all ? [...declared.values()] : named, all };
}

/**
 * Turns the link's kinds off for its holder: no more emails of them (they stay listed on /notifications). Done by
 * the link, not a session, so the audit log names the link as the actor.
 */
export async function unsubscribe(db: Db, token: string, kindKeys: readonly string[]): Promise<Outcome<UnsubscribeLink, 'not_found'>> {
  const link = await findUnsubscribeLink(db, token, kindKeys);
  if (!link) return refuse('not_found');
  await db
    .transaction()
    .execute((trx) => applyChoices(trx, systemActor('unsubscribe link'), link.userId, new Map(link.kinds.map((kind) => [kind.key, 'off' as const]))));
  return done(link);
}
