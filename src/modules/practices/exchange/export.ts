/**
 * Export of the library as CSV or JSON: every practice the actor may see that matches the search, in the
 * import's columns (so an export can be edited and imported elsewhere), streamed in pages of 200.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../../core/db/database.js';
import { csvStream, jsonArrayStream } from '../../../core/exchange/write.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { listOrganisations, listPartners } from '../../partners/service.js';
import { practiceColumns } from './import.js';
import * as queries from '../library/queries.js';
import { linkList, termList, type SearchQuery } from '../schema.js';
import { libraryMatches, toPractice, type Practice } from '../library/service.js';
import { locales } from '../../../core/i18n/locales.js';

const pageSize = 200;

/** Export files carry an id and an address too; an import ignores both. */
export const exportColumns = ['id', 'url', ...practiceColumns] as const;

type ExportColumn = (typeof exportColumns)[number];
type ExportRecord = Record<ExportColumn, string | string[] | number | null>;

function recordOf(practice: Practice, names: { partners: Map<number, string>; organisations: Map<number, string> }, publicUrl: string): ExportRecord {
  const record = {
    id: practice.id,
    url: `${publicUrl}/practices/${practice.id}`,
    title: practice.title,
    owner_partner: names.partners.get(practice.ownerPartnerId) ?? String(practice.ownerPartnerId),
    owner_organisation: practice.ownerOrganisationId === null ? '' : (names.organisations.get(practice.ownerOrganisationId) ?? ''),
    language: practice.language,
    status: practice.status,
    summary: practice.summary,
    objective: practice.objective,
    description: practice.description,
    themes: practice.themes,
    keywords: practice.keywords,
    country: practice.locationCountry ?? '',
    nuts: practice.locationNuts ?? '',
    city: practice.locationCity ?? '',
    scope: practice.geographicalScope ?? '',
    resources: practice.resources,
    resources_eur: practice.resourcesEur,
    starts_on: practice.startsOn ?? '',
    ends_on: practice.endsOn ?? '',
    evidence: practice.evidence,
    transfer_potential: practice.transferPotential,
    difficulties: practice.difficulties,
    links: practice.links,
    contact_name: practice.contactName ?? '',
    contact_email: practice.contactEmail ?? '',
  } as ExportRecord;
  for (const locale of locales) {
    record[`title_${locale}`] = practice.translations[locale]?.title ?? '';
    record[`summary_${locale}`] = practice.translations[locale]?.summary ?? '';
  }
  return record;
}

async function* records(db: Db, actor: Actor, query: SearchQuery, publicUrl: string): AsyncGenerator<ExportRecord> {
  const ids = (await libraryMatches(db, actor, query)).ordered('id');
  const [partners, organisations] = await Promise.all([listPartners(db, actor), listOrganisations(db)]);
  const names = {
    partners: new Map(partners.map((partner) => [partner.id, partner.name])),
    organisations: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
  };
  const showContact = can(actor, 'practice.contact.read');
  for (let start = 0; start < ids.length; start += pageSize) {
    for (const row of await queries.findPractices(db, ids.slice(start, start + pageSize))) yield recordOf(toPractice(row, showContact), names, publicUrl);
  }
}

/** A CSV cell: lists joined as the import reads them (links one a line), nothing for an empty value. */
function csvCell(column: ExportColumn, value: ExportRecord[ExportColumn]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return (column === 'links' ? linkList : termList).join(value);
  return String(value);
}

export function exportCsv(db: Db, actor: Actor, query: SearchQuery, publicUrl: string): Readable {
  const cells = async function* () {
    for await (const record of records(db, actor, query, publicUrl)) {
      yield Object.fromEntries(exportColumns.map((column) => [column, csvCell(column, record[column])]));
    }
  };
  return csvStream(cells(), exportColumns);
}

export function exportJson(db: Db, actor: Actor, query: SearchQuery, publicUrl: string): Readable {
  return jsonArrayStream(records(db, actor, query, publicUrl));
}
