/**
 * Checking the rows of a practices import, one at a time: each row read into the practice form's fields, checked
 * with the form's schema and against the records it names (owner, organisation, themes, titles), with the
 * coordinator's options for real files applied and every problem, change and warning listed by column.
 */
import type { Db } from '../../../core/db/database.js';
import type { RowProblem } from '../../../core/exchange/check.js';
import { cellText, type SourceRow } from '../../../core/exchange/records.js';
import { isLocale } from '../../../core/i18n/locales.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { fieldErrors } from '../../../core/validation/forms.js';
import { findPartnerWithGroup, listPartners } from '../../partners/service.js';
import { listThemes, newThemeFrom, ThemeFinder, themeName, type NewThemeProblem, type Theme } from '../../themes/service.js';
import { fitSummary, type AdjustOptions } from './import-adjust.js';
import * as queries from '../library/queries.js';
import { linkList, practiceSchema, termList, type PracticeFormInput } from '../schema.js';
import { SimilarTitleIndex, titleKey, trigramsOf } from '../library/similar-titles.js';
import { practiceStatuses, type PracticeStatus } from '../tables.js';

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

/** A problem, warning or change of a row, by position and column: the shape every import reports. */
export type ImportProblem = RowProblem;

export interface Lookup {
  partnerByName: Map<string, number>;
  groups: Map<number, Set<number>>;
  organisationByName: Map<string, number>;
  /** The list of themes, retired ones too: a row may not use a retired theme, and an import adds none under its code. */
  themes: Theme[];
  existingTitles: Set<string>;
  similarTitles: SimilarTitleIndex<string>;
}

const ownTitleKey = (ownerPartnerId: number, title: string) => `${ownerPartnerId}|${titleKey(title)}`;

export async function loadLookup(db: Db, actor: Actor, programmeId: number): Promise<Lookup> {
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
  const existing = await queries.listTitles(db, programmeId);
  const similarTitles = new SimilarTitleIndex<string>();
  for (const row of existing) similarTitles.add(row.owner_partner_id, trigramsOf(row.title), row.title);
  return {
    partnerByName,
    groups,
    organisationByName,
    themes: await listThemes(db),
    existingTitles: new Set(existing.map((row) => ownTitleKey(row.owner_partner_id, row.title))),
    similarTitles,
  };
}

export interface CheckedRow {
  input: PracticeFormInput;
  status: PracticeStatus;
}

type ProblemOf = (column: string, key: string, values?: Record<string, string | number>) => ImportProblem;

/** A theme the import cannot add, in the file's words. */
function newThemeProblem(problem: NewThemeProblem, name: string): { key: string; values: Record<string, string | number> } {
  if (problem.reason === 'name_too_long') return { key: 'practices.import.rowErrors.themeNameTooLong', values: { name, max: problem.max } };
  if (problem.reason === 'code_taken')
    return { key: 'practices.import.rowErrors.themeCodeTaken', values: { name, code: problem.code, other: themeName(problem.other, 'en') } };
  return { key: 'practices.import.rowErrors.themeNameNoCode', values: { name } };
}

/** Checks rows one by one; remembers titles seen so far, so a second row with the same title and owner is flagged. */
export class RowChecker {
  private readonly seen = new Map<string, number>();
  private readonly seenSimilar = new SimilarTitleIndex<number>();
  /** The list's themes, and those the file adds to it as the rows name them. */
  private readonly themes: ThemeFinder;
  /** Themes the file names that the list lacks (code → name), added when the coordinator asked for it. */
  readonly newThemes = new Map<string, string>();
  /** Of those, the ones valid rows use, in the order first used: the only ones added. */
  readonly themesUsed = new Set<string>();

  constructor(
    private readonly actor: Actor,
    private readonly programmeId: number,
    private readonly lookup: Lookup,
    private readonly adjust: AdjustOptions,
  ) {
    this.themes = new ThemeFinder(lookup.themes);
  }

  /**
   * A theme cell's entries as codes (each entry a code, or a theme's name in any language), those that match no theme
   * offered, and, when the coordinator lets the import add themes, the names it cannot add.
   */
  private themesOf(entries: readonly string[], problem: ProblemOf): { codes: string[]; unknown: string[]; problems: ImportProblem[] } {
    const codes = new Set<string>();
    const unknown: string[] = [];
    const problems: ImportProblem[] = [];
    for (const entry of entries) {
      const theme = this.themes.find(entry);
      if (theme && !theme.retired) codes.add(theme.code);
      // A retired theme is not offered, and its code is not free for a new one.
      else if (theme || !this.adjust.createThemes) unknown.push(entry);
      else {
        const added = newThemeFrom(entry, this.themes);
        if (!added.ok) {
          const { key, values } = newThemeProblem(added.problem, entry);
          problems.push(problem('themes', key, values));
          continue;
        }
        const { code, name } = added.theme;
        codes.add(code);
        this.newThemes.set(code, name);
        this.themes.add({ code, names: { en: name }, retired: false });
      }
    }
    return { codes: [...codes], unknown, problems };
  }

  /**
   * A row's problems, or the practice to write with the changes the coordinator's options make to it (only a row that
   * is written is changed), and its warnings either way.
   */
  check(row: SourceRow): ({ ok: true; row: CheckedRow; changes: ImportProblem[] } | { ok: false; problems: ImportProblem[] }) & { warnings: ImportProblem[] } {
    const problem: ProblemOf = (column, key, values) => (values ? { position: row.position, column, key, values } : { position: row.position, column, key });
    if (row.shapeError)
      return { ok: false, problems: [problem('', `practices.import.rowErrors.${row.shapeError.reason}`, row.shapeError.values)], warnings: [] };
    const cell = (column: string) => cellText(row.record[column]);
    const warnings: ImportProblem[] = [];
    const changes: ImportProblem[] = [];
    const language = cell('language').trim().toLowerCase();
    let [summary, description] = [cell('summary'), cell('description')];
    const problems: ImportProblem[] = [];
    if (this.adjust.fixSummaries) {
      const fitted = fitSummary(summary, description, isLocale(language) ? language : 'en');
      [summary, description] = [fitted.summary, fitted.description];
      if (fitted.change) changes.push(problem(fitted.change.column, fitted.change.key, fitted.change.values));
      if (fitted.problem) problems.push(problem(fitted.problem.column, fitted.problem.key, fitted.problem.values));
    }
    // A JSON list is taken item by item, as keywords and links are: a comma inside one theme's name stays in it.
    const themes = this.themesOf(
      Array.isArray(row.record.themes) ? row.record.themes.map((item) => cellText(item).trim()).filter((item) => item !== '') : termList.split(cell('themes')),
      problem,
    );
    const ownerText = cell('owner_partner').trim().toLowerCase();
    const organisationText = cell('owner_organisation').trim().toLowerCase();
    // What the row refers to is looked up before the form's checks, so a row with a bad field still has its owner, themes and title checked.
    const owner = this.lookup.partnerByName.get(ownerText);
    const organisation = organisationText === '' ? null : (this.lookup.organisationByName.get(organisationText) ?? -1);
    const form: Record<string, unknown> = {
      ownerPartnerId: ownerText === '' ? '' : String(owner ?? -1),
      ownerOrganisationId: organisation === null ? '' : String(organisation),
      language,
      title: cell('title'),
      summary,
      objective: cell('objective'),
      description,
      themes: themes.codes,
      // A cell's list is split by the file's rules (separators, backslash escapes); the form's are one item a line.
      keywords: Array.isArray(row.record.keywords) ? row.record.keywords : termList.split(cell('keywords')),
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
      links: Array.isArray(row.record.links) ? row.record.links : linkList.split(cell('links')),
      contactName: cell('contact_name'),
      contactEmail: cell('contact_email'),
    };
    for (const column of practiceColumns.filter((name) => /^(title|summary)_[a-z]{2}$/.test(name))) form[column] = cell(column);
    if (ownerText !== '' && owner === undefined)
      problems.push(problem('owner_partner', 'practices.import.rowErrors.unknownPartner', { value: cell('owner_partner') }));
    if (organisation === -1 || (organisation !== null && owner !== undefined && !this.lookup.groups.get(owner)?.has(organisation))) {
      problems.push(problem('owner_organisation', 'practices.import.rowErrors.organisationNotInGroup', { value: cell('owner_organisation') }));
    }
    if (themes.unknown.length) problems.push(problem('themes', 'practices.import.rowErrors.unknownThemes', { value: themes.unknown.join(', ') }));
    problems.push(...themes.problems);
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
    if (!isLocale(form.language) && !problems.some((entry) => entry.column === 'language'))
      problems.push(problem('language', 'practices.form.language.required'));
    if (owner !== undefined) {
      const scope = { programmeId: this.programmeId, partnerIds: [owner] };
      if (!can(this.actor, 'practice.import', scope))
        problems.push(problem('owner_partner', 'practices.import.rowErrors.forbidden', { value: cell('owner_partner') }));
      else if (status && !authorStatuses.includes(status) && !can(this.actor, 'practice.review', scope))
        problems.push(problem('status', 'practices.import.rowErrors.statusForbidden'));
      const title = cell('title').trim();
      if (title !== '') {
        const key = ownTitleKey(owner, title);
        const earlier = this.seen.get(key);
        if (this.lookup.existingTitles.has(key)) problems.push(problem('title', 'practices.import.rowErrors.duplicateExisting'));
        else if (earlier !== undefined) problems.push(problem('title', 'practices.import.rowErrors.duplicateInFile', { line: earlier }));
        // Every row's title counts, valid or not, so a second row with it is flagged in the same report.
        else {
          this.seen.set(key, row.position);
          warnings.push(...this.similarTitleWarning(owner, trigramsOf(title), row.position, problem));
        }
      }
    }
    if (problems.length || !parsed.success || !status)
      return { ok: false, problems: problems.sort((a, b) => columnOrder(a.column) - columnOrder(b.column)), warnings };
    // A new theme is listed on the first row written with it: a theme named only by rows with problems is never added.
    for (const code of parsed.data.themes) {
      const name = this.newThemes.get(code);
      if (name === undefined || this.themesUsed.has(code)) continue;
      this.themesUsed.add(code);
      changes.push(problem('themes', 'practices.import.changes.themeCreated', { code, name }));
    }
    return { ok: true, row: { input: parsed.data, status }, warnings, changes };
  }

  /** A title very like one of the owner's practices, or another row's of the file, is imported but pointed out, as the form does. */
  private similarTitleWarning(owner: number, trigrams: string[], position: number, problem: ProblemOf): ImportProblem[] {
    const earlier = this.seenSimilar.similarToThenAdd(owner, trigrams, position);
    const existing = this.lookup.similarTitles.similarTo(owner, trigrams);
    if (existing) return [problem('title', 'practices.import.rowWarnings.similarExisting', { title: existing.value })];
    return earlier ? [problem('title', 'practices.import.rowWarnings.similarInFile', { line: earlier.value })] : [];
  }
}

/** Problems of a row are listed in the file's column order, whichever check found them. */
const columnOrder = (column: string) => practiceColumns.indexOf(column as (typeof practiceColumns)[number]);
