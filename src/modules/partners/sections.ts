/**
 * Other modules add sections to a partner's page here (learning needs, later events and plans), so the partners
 * module shows them without depending on those modules. Sections render in the order they were added.
 */
import type { JSX } from 'preact';
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/policy/actor.js';

export type PartnerPageSection = (context: { db: Db; actor: Actor; partner: { id: number; programmeId: number; name: string } }) => Promise<JSX.Element | null>;

const sections: PartnerPageSection[] = [];

export function addPartnerPageSection(section: PartnerPageSection): void {
  sections.push(section);
}

export async function renderPartnerPageSections(context: Parameters<PartnerPageSection>[0]): Promise<JSX.Element[]> {
  const rendered = await Promise.all(sections.map((section) => section(context)));
  return rendered.filter((element): element is JSX.Element => element !== null);
}
