/**
 * What an action delivers, recorded elsewhere: the instruments module tells which of its instruments were planned by
 * which action, by filling this extension point, so a plan shows them beside the action's own words without
 * depending on that module.
 */
import type { Db } from '../../core/db/database.js';
import { extensionPoint } from '../../core/extensions.js';
import { contributionsTo } from '../../core/module.js';
import type { Actor } from '../../core/policy/actor.js';

export interface Deliverable {
  actionKey: string;
  name: string;
  href: string;
}

export type DeliverablesProvider = (context: { db: Db; actor: Actor; planId: number }) => Promise<Deliverable[]>;

export const actionDeliverables = extensionPoint<DeliverablesProvider>('plans.action-deliverables');

/** The deliverables of each action of a plan, by action key. */
export async function deliverablesOf(context: Parameters<DeliverablesProvider>[0]): Promise<Map<string, Deliverable[]>> {
  const byAction = new Map<string, Deliverable[]>();
  for (const deliverable of (await Promise.all(contributionsTo(actionDeliverables).map((provider) => provider(context)))).flat()) {
    byAction.set(deliverable.actionKey, [...(byAction.get(deliverable.actionKey) ?? []), deliverable]);
  }
  return byAction;
}
