/**
 * The instrument catalogue as a table for download, CSV or JSON: every instrument the reader may see that matches
 * the catalogue's filters, one row each, in the columns the import reads (plus id and the contract total), streamed
 * a page at a time. Contract totals appear only where the reader may see contract values.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../../core/db/database.js';
import { listFormat } from '../../../core/exchange/cells.js';
import { csvStream, jsonArrayStream } from '../../../core/exchange/write.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { contractTotals, instrumentsByIds } from './queries.js';
import * as queries from '../catalogue/queries.js';
import type { CatalogueQuery } from '../schema.js';
import { visibilityOf } from '../catalogue/service.js';

/** Columns an import reads, in export order (documented in the README). */
export const catalogueColumns = [
  'partner',
  'name',
  'description',
  'text_language',
  'kind',
  'stage',
  'stage_since',
  'theme',
  'channels',
  'audiences',
  'languages',
  'is_free',
  'cost_description',
  'authentication',
  'data_reused',
  'licence',
  'repository_url',
  'services',
  'published',
  'contract_values_public',
] as const;

/** An export also carries the id and the contract total; an import ignores both (the chain is not part of the file). */
export const catalogueExportColumns = ['id', ...catalogueColumns, 'contract_value_eur'] as const;

/** Channels, audiences and languages in a cell: separated by `;` (or `,`). */
export const valueList = listFormat(';,');
/** Service names in a cell: separated by ` | ` or line breaks (names may contain `;`). */
export const serviceList = listFormat('|\n', ' | ');

type ExportColumn = (typeof catalogueExportColumns)[number];
type ExportRecord = Record<ExportColumn, string | number | boolean | string[] | null>;

const pageSize = 200;

async function* records(db: Db, actor: Actor, query: CatalogueQuery): AsyncGenerator<ExportRecord> {
  const visibility = visibilityOf(actor);
  // The catalogue query decides visibility and order, so the export shows exactly what the catalogue lists.
  for (let offset = 0; ; offset += pageSize) {
    const { rows: entries } = await queries.catalogue(db, visibility, query, { limit: pageSize, offset });
    const ids = entries.map((entry) => entry.id);
    const [rows, services, totals] = await Promise.all([instrumentsByIds(db, ids), queries.servicesOf(db, ids), contractTotals(db, ids)]);
    const rowById = new Map(rows.map((row) => [row.id, row]));
    const totalById = new Map(totals.map((total) => [total.instrument_id, total.total_eur]));
    const servicesById = new Map<number, string[]>();
    for (const service of services) servicesById.set(service.instrument_id, [...(servicesById.get(service.instrument_id) ?? []), service.name]);
    for (const entry of entries) {
      const row = rowById.get(entry.id);
      if (!row) continue;
      const contractsVisible =
        row.contract_values_public || can(actor, 'instrument.see_contracts', { programmeId: row.programme_id, partnerIds: [row.partner_id] });
      const total = totalById.get(row.id) ?? null;
      yield {
        id: row.id,
        partner: entry.partner_name,
        name: row.name,
        description: row.description,
        text_language: row.text_language,
        kind: row.kind,
        stage: row.stage,
        stage_since: row.stage_since,
        theme: row.theme_code,
        channels: row.channels,
        audiences: row.audiences,
        languages: row.languages,
        is_free: row.is_free,
        cost_description: row.cost_description,
        authentication: row.authentication,
        data_reused: row.data_reused,
        licence: row.licence,
        repository_url: row.repository_url,
        services: servicesById.get(row.id) ?? [],
        published: row.published,
        contract_values_public: row.contract_values_public,
        contract_value_eur: contractsVisible && total !== null ? Number(total) : null,
      };
    }
    if (entries.length < pageSize) return;
  }
}

function csvCell(column: ExportColumn, value: ExportRecord[ExportColumn]): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return (column === 'services' ? serviceList : valueList).join(value);
  return String(value);
}

export function exportCatalogueCsv(db: Db, actor: Actor, query: CatalogueQuery): Readable {
  const cells = async function* () {
    for await (const record of records(db, actor, query)) {
      yield Object.fromEntries(catalogueExportColumns.map((column) => [column, csvCell(column, record[column])]));
    }
  };
  return csvStream(cells(), catalogueExportColumns);
}

export function exportCatalogueJson(db: Db, actor: Actor, query: CatalogueQuery): Readable {
  return jsonArrayStream(records(db, actor, query));
}
