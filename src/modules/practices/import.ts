/**
 * Bulk import of practices from CSV or JSON. The file is read twice as a stream, so memory stays bounded whatever
 * its size: first every row is checked (and every problem reported by line and column), then, only if the file can
 * be taken as a whole (or with --skip-invalid, exactly its valid rows), the practices are written in one
 * transaction, each with its history entry and audit entry.
 */
import { actorLabel, recordAuditMany } from '../../core/audit/audit.js';
import type { Db, Tx } from '../../core/db/database.js';
import { isLocale } from '../../core/i18n/locales.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import { fieldErrors } from '../../core/validation/forms.js';
import { findPartnerWithGroup, listPartners } from '../partners/service.js';
import { listThemes } from '../themes/service.js';
import { cellText, ImportFileError, readRows, type ImportFormat, type SourceRow } from '../../core/exchange/records.js';
import { practiceSchema, termList, type PracticeFormInput } from './schema.js';
import { SimilarTitleIndex, trigramsOf } from './similar-titles.js';
import * as queries from './queries.js';
import { requestRecommendationRefresh } from './recommendations.js';
import { valuesOf } from './service.js';
import { practiceStatuses, type PracticeStatus } from './tables.js';

/**
 * Statuses an author reaches alone; every other one (published, returned, proposed, declined) records a review
 * decision or a stakeholder's proposal, so only a reviewer may import it. An export thus re-imports whole.
 */
const authorStatuses: readonly PracticeStatus[] = ['draft', 'submitted'];

function isPracticeStatus(text: string): text is PracticeStatus {
  return (practiceStatuses as readonly string[]).includes(text);
}

/** Column names of import and export files, in export order (documented in the README). */
export const practiceColumns = [
  'title',
  'owner_partner',
  'owner_organisation',
  'language',
  'status',
  'summary',
  'objective',
  'description',
  'themes',
  'keywords',
  'country',
  'nuts',
  'city',
  'scope',
  'resources',
  'resources_eur',
  'starts_on',
  'ends_on',
  'evidence',
  'transfer_potential',
  'difficulties',
  'links',
  'contact_name',
  'contact_email',
  'title_en',
  'summary_en',
  'title_it',
  'summary_it',
  'title_et',
  'summary_et',
  'title_hu',
  'summary_hu',
  'title_sv',
  'summary_sv',
] as const;

export const requiredColumns = ['title', 'owner_partner', 'language', 'summary', 'themes'] as const;

/** Form field → file column, to report a problem under the name the person used. */
const columnOfField: Record<string, string> = {
  ownerPartnerId: 'owner_partner',
  ownerOrganisationId: 'owner_organisation',
  locationCountry: 'country',
  locationNuts: 'nuts',
  locationCity: 'city',
  geographicalScope: 'scope',
  resourcesEur: 'resources_eur',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  transferPotential: 'transfer_potential',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
};

export interface ImportProblem {
  position: number;
  column: string;
  key: string;
  values?: Record<string, string | number>;
}

export interface ImportReport {
  format: ImportFormat;
  rows: number;
  valid: number;
  invalid: number;
  /** The first problems found, by position; more may have been counted (problemCount). */
  problems: ImportProblem[];
  problemCount: number;
  /** What is imported all the same but deserves a look (a title very like another), listed like the problems. */
  warnings: ImportProblem[];
  warningCount: number;
  imported: number;
  fileError?: { key: string; values: Record<string, string | number> };
}

export interface ImportOptions {
  programmeId: number;
  skipInvalid: boolean;
  /** Refuse files with more rows (the web form's limit; the command line has none). */
  maxRows?: number;
  onProgress?: (phase: 'checking' | 'writing', rowsDone: number) => void;
}

export const problemsListed = 200;
const batchSize = 250;

interface Lookup {
  partnerByName: Map<string, number>;
  groups: Map<number, Set<number>>;
  organisationByName: Map<string, number>;
  themes: Set<string>;
  existingTitles: Set<string>;
  similarTitles: SimilarTitleIndex<string>;
}

const titleKey = (ownerPartnerId: number, title: string) => `${ownerPartnerId}|${title.trim().replace(/\s+/g, ' ').toLowerCase()}`;

async function loadLookup(db: Db, actor: Actor, programmeId: number): Promise<Lookup> {
  const partners = await listPartners(db, actor, programmeId);
  const partnerByName = new Map<string, number>();
  const groups = new Map<number, Set<number>>();
  const organisationByName = new Map<string, number>();
  for (const partner of partners) {
    for (const name of [String(partner.id), partner.name, partner.shortName]) partnerByName.set(name.toLowerCase(), partner.id);
    const group = await findPartnerWithGroup(db, actor, partner.id);
    groups.set(partner.id, new Set(group?.organisations.map((organisation) => organisation.id)));
    for (const organisation of group?.organisations ?? []) {
      organisationByName.set(organisation.name.toLowerCase(), organisation.id);
      organisationByName.set(String(organisation.id), organisation.id);
    }
  }
  const themes = new Set((await listThemes(db)).filter((theme) => !theme.retired).map((theme) => theme.code));
  const existing = await queries.listTitles(db, programmeId);
  const similarTitles = new SimilarTitleIndex<string>();
  for (const row of existing) similarTitles.add(row.owner_partner_id, trigramsOf(row.title), row.title);
  return { partnerByName, groups, organisationByName, themes, existingTitles: new Set(existing.map((row) => titleKey(row.owner_partner_id, row.title))), similarTitles };
}

export interface CheckedRow {
  input: PracticeFormInput;
  status: PracticeStatus;
}

/** Checks rows one by one; remembers titles seen so far, so a second row with the same title and owner is flagged. */
class RowChecker {
  private readonly seen = new Map<string, number>();
  private readonly seenSimilar = new SimilarTitleIndex<number>();

  constructor(
    private readonly actor: Actor,
    private readonly programmeId: number,
    private readonly lookup: Lookup,
  ) {}

  check(row: SourceRow): ({ ok: true; row: CheckedRow } | { ok: false; problems: ImportProblem[] }) & { warnings: ImportProblem[] } {
    const problem = (column: string, key: string, values?: Record<string, string | number>): ImportProblem => (values ? { position: row.position, column, key, values } : { position: row.position, column, key });
    if (row.shapeError) return { ok: false, problems: [problem('', `practices.import.rowErrors.${row.shapeError.reason}`, row.shapeError.values)], warnings: [] };
    const cell = (column: string) => cellText(row.record[column]);
    const warnings: ImportProblem[] = [];
    const ownerText = cell('owner_partner').trim().toLowerCase();
    const organisationText = cell('owner_organisation').trim().toLowerCase();
    // What the row refers to is looked up before the form's checks, so a row with a bad field still has its owner, themes and title checked.
    const owner = this.lookup.partnerByName.get(ownerText);
    const organisation = organisationText === '' ? null : (this.lookup.organisationByName.get(organisationText) ?? -1);
    const themes = termList.split(cell('themes')).map((code) => code.toLowerCase());
    const form: Record<string, unknown> = {
      ownerPartnerId: ownerText === '' ? '' : String(owner ?? -1),
      ownerOrganisationId: organisation === null ? '' : String(organisation),
      language: cell('language').trim().toLowerCase(),
      title: cell('title'),
      summary: cell('summary'),
      objective: cell('objective'),
      description: cell('description'),
      themes,
      keywords: Array.isArray(row.record.keywords) ? row.record.keywords : cell('keywords'),
      locationCountry: cell('country').trim().toUpperCase(),
      locationNuts: cell('nuts'),
      locationCity: cell('city'),
      geographicalScope: cell('scope').trim().toLowerCase(),
      resources: cell('resources'),
      resourcesEur: cell('resources_eur'),
      startsOn: cell('starts_on'),
      endsOn: cell('ends_on'),
      evidence: cell('evidence'),
      transferPotential: cell('transfer_potential'),
      difficulties: cell('difficulties'),
      links: Array.isArray(row.record.links) ? row.record.links : cell('links'),
      contactName: cell('contact_name'),
      contactEmail: cell('contact_email'),
    };
    for (const column of practiceColumns.filter((name) => /^(title|summary)_[a-z]{2}$/.test(name))) form[column] = cell(column);
    const problems: ImportProblem[] = [];
    const unknownThemes = themes.filter((code) => !this.lookup.themes.has(code));
    if (ownerText !== '' && owner === undefined) problems.push(problem('owner_partner', 'practices.import.rowErrors.unknownPartner', { value: cell('owner_partner') }));
    if (organisation === -1 || (organisation !== null && owner !== undefined && !this.lookup.groups.get(owner)?.has(organisation))) {
      problems.push(problem('owner_organisation', 'practices.import.rowErrors.organisationNotInGroup', { value: cell('owner_organisation') }));
    }
    if (unknownThemes.length) problems.push(problem('themes', 'practices.import.rowErrors.unknownThemes', { value: unknownThemes.join(', ') }));
    const parsed = practiceSchema.safeParse(form);
    if (!parsed.success) {
      for (const error of fieldErrors(parsed.error)) {
        const column = columnOfField[error.field] ?? error.field;
        // A column already reported in the file's own words (an unknown owner or theme) is not reported again in the form's.
        if (!problems.some((existing) => existing.column === column)) problems.push(problem(column, error.key, error.values));
      }
    }
    const statusText = cell('status').trim().toLowerCase() || 'draft';
    const status = isPracticeStatus(statusText) ? statusText : undefined;
    if (!status) problems.push(problem('status', 'practices.import.rowErrors.status'));
    if (!isLocale(form.language) && !problems.some((entry) => entry.column === 'language')) problems.push(problem('language', 'practices.form.language.required'));
    if (owner !== undefined) {
      const scope = { programmeId: this.programmeId, partnerIds: [owner] };
      if (!can(this.actor, 'practice.import', scope)) problems.push(problem('owner_partner', 'practices.import.rowErrors.forbidden', { value: cell('owner_partner') }));
      else if (status && !authorStatuses.includes(status) && !can(this.actor, 'practice.review', scope)) problems.push(problem('status', 'practices.import.rowErrors.statusForbidden'));
      const title = cell('title').trim();
      if (title !== '') {
        const key = titleKey(owner, title);
        const earlier = this.seen.get(key);
        if (this.lookup.existingTitles.has(key)) problems.push(problem('title', 'practices.import.rowErrors.duplicateExisting'));
        else if (earlier !== undefined) problems.push(problem('title', 'practices.import.rowErrors.duplicateInFile', { line: earlier }));
        // Every row's title counts, valid or not, so a second row with it is flagged in the same report.
        else {
          this.seen.set(key, row.position);
          const trigrams = trigramsOf(title);
          warnings.push(...this.similarTitleWarning(owner, trigrams, problem));
          this.seenSimilar.add(owner, trigrams, row.position);
        }
      }
    }
    if (problems.length || !parsed.success || !status) return { ok: false, problems: problems.sort((a, b) => columnOrder(a.column) - columnOrder(b.column)), warnings };
    return { ok: true, row: { input: parsed.data, status }, warnings };
  }

  /** A title very like one of the owner's practices, or another row's of the file, is imported but pointed out, as the form does. */
  private similarTitleWarning(owner: number, trigrams: string[], problem: (column: string, key: string, values?: Record<string, string | number>) => ImportProblem): ImportProblem[] {
    const existing = this.lookup.similarTitles.similarTo(owner, trigrams);
    if (existing) return [problem('title', 'practices.import.rowWarnings.similarExisting', { title: existing.value })];
    const earlier = this.seenSimilar.similarTo(owner, trigrams);
    return earlier ? [problem('title', 'practices.import.rowWarnings.similarInFile', { line: earlier.value })] : [];
  }
}

/** Problems of a row are listed in the file's column order, whichever check found them. */
const columnOrder = (column: string) => practiceColumns.indexOf(column as (typeof practiceColumns)[number]);

async function writeBatch(trx: Tx, actor: Actor, programmeId: number, batch: CheckedRow[]): Promise<void> {
  const values = batch.map(({ input }) => valuesOf(input, programmeId));
  const ids = await queries.insertPractices(
    trx,
    batch.map(({ status }, index) => ({ values: values[index] as queries.PracticeValues, status })),
  );
  await queries.insertThemes(
    trx,
    batch.map(({ input }, index) => ({ practiceId: ids[index] as number, codes: input.themes })),
  );
  const actorUserId = actor.kind === 'user' ? actor.userId : null;
  await queries.insertHistory(trx, ...batch.map(({ status }, index) => ({ practiceId: ids[index] as number, from: null, to: status, comment: 'import', actorUserId, actorLabel: actorLabel(actor) })));
  await recordAuditMany(
    trx,
    actor,
    batch.map(({ input, status }, index) => ({ action: 'practice.import', entityType: 'practice', entityId: ids[index] as number, programmeId, after: { ...values[index], themes: input.themes, status } })),
  );
}

/** Checks the whole file, then writes it (or its valid rows) in one transaction; returns the report either way. */
export async function importPractices(db: Db, actor: Actor, file: { path: string; format: ImportFormat }, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { format: file.format, rows: 0, valid: 0, invalid: 0, problems: [], problemCount: 0, warnings: [], warningCount: 0, imported: 0 };
  const lookup = await loadLookup(db, actor, options.programmeId);
  const rows = () => readRows(file.path, file.format, [...practiceColumns, 'id', 'url'], requiredColumns);
  try {
    const checker = new RowChecker(actor, options.programmeId, lookup);
    for await (const row of rows()) {
      report.rows += 1;
      if (options.maxRows !== undefined && report.rows > options.maxRows) continue;
      const checked = checker.check(row);
      report.warningCount += checked.warnings.length;
      for (const warning of checked.warnings) if (report.warnings.length < problemsListed) report.warnings.push(warning);
      if (checked.ok) report.valid += 1;
      else {
        report.invalid += 1;
        report.problemCount += checked.problems.length;
        for (const problem of checked.problems) if (report.problems.length < problemsListed) report.problems.push(problem);
      }
      if (report.rows % 500 === 0) options.onProgress?.('checking', report.rows);
    }
    if (options.maxRows !== undefined && report.rows > options.maxRows) throw new ImportFileError('too_many_rows', { rows: report.rows, max: options.maxRows });
    if (report.rows === 0) throw new ImportFileError('empty');
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    report.fileError = { key: `practices.import.fileErrors.${error.key}`, values: error.values };
    return report;
  }
  if (report.valid === 0 || (report.invalid > 0 && !options.skipInvalid)) return report;

  await db.transaction().execute(async (trx) => {
    const checker = new RowChecker(actor, options.programmeId, lookup);
    let batch: CheckedRow[] = [];
    let done = 0;
    let publishes = false;
    for await (const row of rows()) {
      const checked = checker.check(row);
      done += 1;
      if (!checked.ok) continue;
      publishes ||= checked.row.status === 'published';
      batch.push(checked.row);
      if (batch.length === batchSize) {
        await writeBatch(trx, actor, options.programmeId, batch);
        report.imported += batch.length;
        batch = [];
        options.onProgress?.('writing', done);
      }
    }
    if (batch.length) await writeBatch(trx, actor, options.programmeId, batch);
    report.imported += batch.length;
    if (publishes) await requestRecommendationRefresh(trx, options.programmeId);
    options.onProgress?.('writing', done);
  });
  if (report.imported >= 1000) await queries.analyzePractices(db);
  return report;
}
