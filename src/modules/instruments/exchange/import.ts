/**
 * Importing instruments from a CSV or JSON file, whole or not at all: every row is checked (and every problem
 * reported by line and column) before anything is written; a clean file is written in one transaction, each
 * instrument with its services, its first lifecycle stage and its audit entry.
 */
import { actorLabel, recordAuditMany, type AuditEntry } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import type { ListFormat } from '../../../core/exchange/cells.js';
import { checkFile, isClean, type FileCheck, type RowCheck, type RowProblem } from '../../../core/exchange/check.js';
import { cellText, readRows, type ImportFormat, type SourceRow } from '../../../core/exchange/records.js';
import { isLocale, locales } from '../../../core/i18n/locales.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { fieldErrors } from '../../../core/validation/forms.js';
import { dateYears, isValidIsoDate, isWithinDateYears } from '../../../core/validation/fields.js';
import { listPartners } from '../../partners/service.js';
import { listThemes } from '../../themes/service.js';
import { catalogueExportColumns, serviceList, valueList } from './service.js';
import * as queries from '../catalogue/queries.js';
import { newInstrumentSchema, type NewInstrumentInput } from '../schema.js';
import { audiences, channels, instrumentKinds, serviceLanguages, stages } from '../tables.js';

export const catalogueImportMaxRows = 2000;
export const importMaxMegabytes = 10;

export const requiredCatalogueColumns = ['partner', 'name', 'description', 'kind', 'stage', 'stage_since', 'is_free', 'services'] as const;

/** What an import page shows: the counts, the problems by position and column, or why the file as a whole was refused. */
export interface ImportReport {
  format: ImportFormat;
  rows: number;
  imported: number;
  problems: RowProblem[];
  problemCount: number;
  fileError?: { key: string; values: Record<string, string | number> };
}

export const rowShapeMessages = {
  columnCount: 'instrumentData.rowErrors.columnCount',
  notObject: 'instrumentData.rowErrors.notObject',
  unknownKeys: 'instrumentData.rowErrors.unknownKeys',
};

export function reportOf(check: FileCheck<unknown>, imported: number, later: RowProblem[] = []): ImportReport {
  const problems = [...check.problems, ...later].sort((a, b) => a.position - b.position);
  const report: ImportReport = { format: check.format, rows: check.rows, imported, problems, problemCount: check.problemCount + later.length };
  return check.fileError ? { ...report, fileError: { key: `instrumentData.fileErrors.${check.fileError.key}`, values: check.fileError.values } } : report;
}

/** Form field of the schema → column of the file, to report a problem under the name the person used. */
const columnOfField: Record<string, string> = {
  partnerId: 'partner',
  themeCode: 'theme',
  serviceName: 'services',
  serviceDescription: 'services',
  isFree: 'is_free',
  costDescription: 'cost_description',
  dataReused: 'data_reused',
  repositoryUrl: 'repository_url',
  textLanguage: 'text_language',
  stageSince: 'stage_since',
  contractValuesPublic: 'contract_values_public',
};

interface Lookup {
  partners: { id: number; programmeId: number; names: string[] }[];
  themes: Set<string>;
  today: string;
}

interface CheckedInstrument {
  input: NewInstrumentInput;
  programmeId: number;
}

const yesNo: Record<string, 'yes' | 'no'> = { yes: 'yes', no: 'no', true: 'yes', false: 'no' };
const listItems = (value: unknown, format: ListFormat) =>
  Array.isArray(value) ? value.map((item) => cellText(item).trim()).filter(Boolean) : format.split(cellText(value));

/** Reads one row into the instrument form's fields; the problems only a file can have are reported here, the rest by the form's schema. */
function checkRow(row: SourceRow, actor: Actor, lookup: Lookup): RowCheck<CheckedInstrument> {
  const problems: RowProblem[] = [];
  const problem = (column: string, key: string, values?: Record<string, string | number>) =>
    problems.push(values ? { position: row.position, column, key, values } : { position: row.position, column, key });
  const cell = (column: string) => cellText(row.record[column]).trim();

  const partnerText = cell('partner');
  const named = lookup.partners.filter((partner) => partner.names.includes(partnerText.toLowerCase()));
  const writable = named.filter((partner) => can(actor, 'instrument.write', { programmeId: partner.programmeId, partnerIds: [partner.id] }));
  if (partnerText === '') problem('partner', 'instrumentData.rowErrors.partnerRequired');
  else if (named.length === 0) problem('partner', 'instrumentData.rowErrors.unknownPartner', { value: partnerText });
  else if (writable.length === 0) problem('partner', 'instrumentData.rowErrors.forbidden', { value: partnerText });
  else if (writable.length > 1) problem('partner', 'instrumentData.rowErrors.ambiguousPartner', { value: partnerText });
  const owner = writable.length === 1 ? writable[0] : undefined;

  const oneOf = (column: 'kind' | 'stage', allowed: readonly string[]) => {
    const value = cell(column).toLowerCase();
    if (!allowed.includes(value)) problem(column, 'instrumentData.rowErrors.oneOf', { values: allowed.join(', ') });
    return value;
  };
  const someOf = (column: 'channels' | 'audiences' | 'languages', allowed: readonly string[]) => {
    const values = listItems(row.record[column], valueList).map((item) => item.toLowerCase());
    const unknown = values.filter((value) => !allowed.includes(value));
    if (unknown.length) problem(column, 'instrumentData.rowErrors.unknownValues', { unknown: unknown.join(', '), values: allowed.join(', ') });
    return values;
  };
  const flag = (column: 'is_free' | 'published' | 'contract_values_public', required: boolean) => {
    const value = cell(column).toLowerCase();
    const answer = yesNo[value];
    if (!answer && (required || value !== '')) problem(column, 'instrumentData.rowErrors.yesNo');
    return answer ?? (required ? '' : 'no');
  };

  const stageSince = cell('stage_since');
  if (!isValidIsoDate(stageSince)) problem('stage_since', 'instrumentData.rowErrors.date');
  else if (!isWithinDateYears(stageSince)) problem('stage_since', 'validation.dateYears', dateYears);
  else if (stageSince > lookup.today) problem('stage_since', 'instrumentData.rowErrors.stageInFuture', { today: lookup.today });
  // A file from before the column existed was written in English.
  const textLanguage = cell('text_language').toLowerCase() || 'en';
  if (!isLocale(textLanguage)) problem('text_language', 'instrumentData.rowErrors.oneOf', { values: locales.join(', ') });
  const theme = cell('theme').toLowerCase();
  if (theme !== '' && !lookup.themes.has(theme)) problem('theme', 'instrumentData.rowErrors.unknownTheme', { value: theme });

  // The schema only counts services once every other field is valid; a file gets the whole list of problems at once.
  const services = listItems(row.record.services, serviceList);
  if (services.length === 0) problem('services', 'instrumentData.rowErrors.servicesRequired');

  const form = {
    partnerId: owner ? String(owner.id) : '',
    name: cell('name'),
    description: cellText(row.record.description),
    kind: oneOf('kind', instrumentKinds),
    themeCode: theme,
    serviceName: services,
    serviceDescription: [],
    channels: someOf('channels', channels),
    audiences: someOf('audiences', audiences),
    languages: someOf('languages', serviceLanguages),
    isFree: flag('is_free', true),
    costDescription: cellText(row.record.cost_description),
    authentication: cell('authentication'),
    dataReused: cellText(row.record.data_reused),
    licence: cell('licence'),
    repositoryUrl: cell('repository_url'),
    textLanguage,
    planAction: '',
    practiceId: '',
    eventIds: [],
    // The schema reads these as checkboxes: any value is ticked.
    published: flag('published', false) === 'yes' ? 'yes' : '',
    contractValuesPublic: flag('contract_values_public', false) === 'yes' ? 'yes' : '',
    stage: oneOf('stage', stages),
    stageSince,
  };
  const parsed = newInstrumentSchema.safeParse(form);
  if (!parsed.success) {
    for (const error of fieldErrors(parsed.error)) {
      const field = error.field.split('.')[0] ?? error.field;
      const column = columnOfField[field] ?? field;
      // A column already reported in the file's own words is not reported again in the form's.
      if (!problems.some((existing) => existing.column === column)) problem(column, error.key, error.values);
    }
  }
  // Problems of a row are listed in the file's column order, whichever check found them.
  const order = (column: string) => catalogueExportColumns.indexOf(column as (typeof catalogueExportColumns)[number]);
  if (problems.length || !parsed.success || !owner) return { ok: false, problems: problems.sort((a, b) => order(a.column) - order(b.column)) };
  return { ok: true, value: { input: parsed.data, programmeId: owner.programmeId } };
}

async function loadLookup(db: Db, actor: Actor, today: string): Promise<Lookup> {
  const [partners, themes] = await Promise.all([listPartners(db, actor), listThemes(db)]);
  return {
    partners: partners.map((partner) => ({
      id: partner.id,
      programmeId: partner.programmeId,
      names: [partner.name, partner.shortName, String(partner.id)].map((name) => name.toLowerCase()),
    })),
    themes: new Set(themes.map((theme) => theme.code)),
    today,
  };
}

export async function importCatalogue(
  db: Db,
  actor: Actor,
  file: { path: string; format: ImportFormat },
  today = new Date().toISOString().slice(0, 10),
): Promise<ImportReport> {
  const lookup = await loadLookup(db, actor, today);
  const check = await checkFile(readRows(file.path, file.format, catalogueExportColumns, requiredCatalogueColumns), (row) => checkRow(row, actor, lookup), {
    format: file.format,
    columns: catalogueExportColumns,
    maxRows: catalogueImportMaxRows,
    messages: rowShapeMessages,
  });
  if (!isClean(check)) return reportOf(check, 0);
  const label = actorLabel(actor);
  const userId = actor.kind === 'user' ? actor.userId : null;
  await db.transaction().execute(async (trx) => {
    const audit: AuditEntry[] = [];
    for (const { value } of check.accepted) {
      const { input, programmeId } = value;
      const id = await queries.insertInstrument(trx, { ...input, programmeId }, input.stage, input.stageSince);
      await queries.replaceServices(trx, id, input.services);
      await queries.insertStage(trx, { instrumentId: id, stage: input.stage, occurredOn: input.stageSince, evidence: '', reason: '', userId, label });
      audit.push({
        action: 'instrument.import',
        entityType: 'instrument',
        entityId: id,
        programmeId,
        after: { ...input, services: input.services.map((service) => service.name) },
      });
    }
    await recordAuditMany(trx, actor, audit);
  });
  return reportOf(check, check.accepted.length);
}
