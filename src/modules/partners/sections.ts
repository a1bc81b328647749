/**
 * Other modules add sections to a partner's page (learning needs, later events and plans) by filling this extension
 * point in their manifest, so the partners module shows them without depending on those modules. Sections render in
 * the platform's module order.
 */
import type { JSX } from 'preact';
import type { Db } from '../../core/db/database.js';
import { extensionPoint } from '../../core/extensions.js';
import { contributionsTo } from '../../core/module.js';
import type { Actor } from '../../core/policy/actor.js';

export type PartnerPageSection = (context: { db: Db; actor: Actor; partner: { id: number; programmeId: number; name: string } }) => Promise<JSX.Element | null>;

export const partnerPageSections = extensionPoint<PartnerPageSection>('partners.page-sections');

export async function renderPartnerPageSections(context: Parameters<PartnerPageSection>[0]): Promise<JSX.Element[]> {
  const rendered = await Promise.all(contributionsTo(partnerPageSections).map((section) => section(context)));
  return rendered.filter((element): element is JSX.Element => element !== null);
}
