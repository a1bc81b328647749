/**
 * Use cases of the good practice library: read, create, propose, edit, submit, review, decide on proposals and
 * delete practices, and search the library. The module's public API (practices/service.ts) re-exports them.
 */
import { actorLabel, recordAudit } from '../../../core/audit/audit.js';
import type { Db, Executor, Tx } from '../../../core/db/database.js';
import { camelCased } from '../../../core/db/rows.js';
import { done, refuse, refuseAll, type Outcome, type Refusal } from '../../../core/outcome.js';
import type { Locale } from '../../../core/i18n/locales.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can, type Scope } from '../../../core/policy/policy.js';
import { findOrganisation, findPartner, findPartnerWithGroup } from '../../partners/service.js';
import { listThemes } from '../../themes/service.js';
import * as queries from './queries.js';
import { tellAboutPractice } from '../notifications.js';
import { requestRecommendationRefresh } from '../needs/recommendations.js';
import { translationsOf, type PracticeFormInput, type SearchQuery } from '../schema.js';
import { analyseQuery, prepareSearch } from '../../../core/search/query-analysis.js';
import { markingQueriesOf } from '../../../core/search/marked-words.js';
import { rankingOf } from '../../../core/search/rankings.js';
import { searchIndexOf } from '../../../core/search/search-index.js';
import { catalogueOf, type CatalogueEntry } from './catalogue.js';
import { matchesOf, type LibraryMatches } from './matching.js';
import type { FacetCounts, SearchFilters, SearchHit, TextMatch, Visibility } from './search.js';
import { pageRows, similarPractices } from './search-queries.js';
import { mostSimilar, titleKey } from './similar-titles.js';
import type { PracticeStatus } from '../tables.js';

/** A practice as read: the values it was written with, plus its workflow state. */
export interface Practice extends queries.PracticeValues {
  id: number;
  status: PracticeStatus;
  themes: string[];
  /** Null unless the actor may see personal data (signed in). */
  contactName: string | null;
  contactEmail: string | null;
  proposedByUserId: number | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
}

type PracticeRow = NonNullable<Awaited<ReturnType<typeof queries.findPractice>>>;

export function toPractice(row: PracticeRow, showContact: boolean): Practice {
  const practice = camelCased(row);
  return {
    ...practice,
    themes: row.themes ?? [],
    contactName: showContact ? practice.contactName : null,
    contactEmail: showContact ? practice.contactEmail : null,
  };
}

export function scopeOf(practice: Pick<Practice, 'programmeId' | 'ownerPartnerId' | 'status' | 'proposedByUserId'>): Scope {
  const proposerScope =
    practice.proposedByUserId !== null && (practice.status === 'proposed' || practice.status === 'declined') ? { userId: practice.proposedByUserId } : {};
  return { programmeId: practice.programmeId, partnerIds: [practice.ownerPartnerId], ...proposerScope };
}

export function canRead(actor: Actor, practice: Pick<Practice, 'programmeId' | 'ownerPartnerId' | 'status' | 'proposedByUserId'>): boolean {
  return practice.status === 'published' ? can(actor, 'practice.read_published') : can(actor, 'practice.read_unpublished', scopeOf(practice));
}

/** A practice the actor may read, with personal data only for signed-in users; undefined when hidden or missing. */
export async function getPractice(db: Db, actor: Actor, practiceId: number): Promise<Practice | undefined> {
  const row = await queries.findPractice(db, practiceId);
  if (!row) return undefined;
  const practice = toPractice(row, can(actor, 'practice.contact.read'));
  return canRead(actor, practice) ? practice : undefined;
}

export interface HistoryEntry {
  from: PracticeStatus | null;
  to: PracticeStatus;
  comment: string;
  actorLabel: string;
  occurredAt: Date;
}

/** Every state change with its comment; shown to those who may see drafts (the review is back-office work). */
export async function historyOf(db: Db, actor: Actor, practice: Practice): Promise<HistoryEntry[]> {
  if (!can(actor, 'practice.read_unpublished', scopeOf(practice))) return [];
  return (await queries.listHistory(db, practice.id)).map((row) => ({
    from: row.from_status,
    to: row.to_status,
    comment: row.comment,
    actorLabel: row.actor_label,
    occurredAt: row.occurred_at,
  }));
}

export type PracticeRefusal =
  'forbidden' | 'not_found' | 'likely_duplicate' | 'similar_title' | 'unknown_theme' | 'organisation_not_in_group' | 'partner_not_found' | 'wrong_status';

async function recordChange(trx: Tx, actor: Actor, practiceId: number, from: PracticeStatus | null, to: PracticeStatus, comment = ''): Promise<void> {
  await queries.insertHistory(trx, { practiceId, from, to, comment, actorUserId: actor.kind === 'user' ? actor.userId : null, actorLabel: actorLabel(actor) });
}

/** What a practice's form refers to, as far as it could be read (a field that failed its own check is undefined). */
export type PracticeReferences = Partial<Pick<PracticeFormInput, 'ownerPartnerId' | 'ownerOrganisationId' | 'themes' | 'title' | 'confirmDuplicate'>>;

/**
 * Every refusal a practice's references earn at once — an owner the actor cannot see, an organisation outside the
 * owner's stakeholder group, a theme not offered (a retired one the practice already has stays), and the question
 * whether a title like another of the owner's is a different practice — each rule run when the fields it reads are
 * known; the owner's programme when it is. The question is asked only of those who may write for the owner (it shows
 * the other practice's title), and on an edit only when the title or the owner changes: once answered, it is not
 * asked again at every edit.
 */
export async function practiceProblems(
  db: Db,
  actor: Actor,
  input: PracticeReferences,
  current?: Pick<Practice, 'id' | 'ownerPartnerId' | 'title' | 'themes'>,
): Promise<{ programmeId?: number; problems: Refusal<PracticeRefusal>[] }> {
  const problems: Refusal<PracticeRefusal>[] = [];
  const partner = input.ownerPartnerId === undefined ? undefined : await findPartner(db, actor, input.ownerPartnerId);
  if (input.ownerPartnerId !== undefined && !partner) problems.push(refuse('partner_not_found', 'ownerPartnerId'));
  if (partner && input.ownerOrganisationId !== undefined && input.ownerOrganisationId !== null) {
    const organisation = await findOrganisation(db, input.ownerOrganisationId);
    if (!organisation?.links.some((link) => link.partnerId === partner.id)) problems.push(refuse('organisation_not_in_group', 'ownerOrganisationId'));
  }
  if (input.themes !== undefined) {
    const kept = current?.themes ?? [];
    const offered = new Set((await listThemes(db)).filter((theme) => !theme.retired || kept.includes(theme.code)).map((theme) => theme.code));
    if (input.themes.some((code) => !offered.has(code))) problems.push(refuse('unknown_theme', 'themes'));
  }
  if (!partner) return { problems };
  const changed = !current || current.ownerPartnerId !== partner.id || (input.title !== undefined && titleKey(input.title) !== titleKey(current.title));
  if (
    input.title !== undefined &&
    !input.confirmDuplicate &&
    changed &&
    can(actor, 'practice.create', { programmeId: partner.programmeId, partnerIds: [partner.id] })
  ) {
    const duplicate = await likelyDuplicate(db, partner.id, input.title, current?.id ?? null);
    if (duplicate) problems.push(refuse(duplicate.exact ? 'likely_duplicate' : 'similar_title', 'title'));
  }
  return { programmeId: partner.programmeId, problems };
}

/** The use cases' one check of what they are given: every problem at once, or the owner's programme. */
async function checkReferences(db: Db, actor: Actor, input: PracticeFormInput, current?: Practice): Promise<Outcome<{ programmeId: number }, PracticeRefusal>> {
  const { programmeId, problems } = await practiceProblems(db, actor, input, current);
  const [first, ...others] = problems;
  if (first) return refuseAll([first, ...others]);
  return programmeId === undefined ? refuse('partner_not_found', 'ownerPartnerId') : done({ programmeId });
}

export function valuesOf(input: PracticeFormInput, programmeId: number): queries.PracticeValues {
  return {
    programmeId,
    ownerPartnerId: input.ownerPartnerId,
    ownerOrganisationId: input.ownerOrganisationId,
    language: input.language,
    title: input.title,
    summary: input.summary,
    objective: input.objective,
    description: input.description,
    locationCountry: input.locationCountry,
    locationNuts: input.locationNuts,
    locationCity: input.locationCity,
    geographicalScope: input.geographicalScope,
    resources: input.resources,
    resourcesEur: input.resourcesEur,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    evidence: input.evidence,
    transferPotential: input.transferPotential,
    difficulties: input.difficulties,
    links: input.links,
    keywords: input.keywords,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    translations: translationsOf(input),
  };
}

/** A practice of the same owner already has this title, or one very like it; the form asks before saving a second one. */
export async function likelyDuplicate(
  db: Executor,
  ownerPartnerId: number,
  title: string,
  exceptPracticeId: number | null,
): Promise<{ id: number; title: string; exact: boolean } | undefined> {
  const same = await queries.findSameTitle(db, ownerPartnerId, title, exceptPracticeId);
  if (same) return { ...same, exact: true };
  const similar = mostSimilar(title, await queries.listTitlesOfOwner(db, ownerPartnerId, exceptPracticeId));
  return similar ? { id: similar.id, title: similar.title, exact: false } : undefined;
}

/** An editor (or the coordinator) records a practice of their partner as a draft. */
export async function createPractice(db: Db, actor: Actor, input: PracticeFormInput): Promise<Outcome<{ id: number }, PracticeRefusal>> {
  const references = await checkReferences(db, actor, input);
  if (!references.ok) return references;
  const { programmeId } = references.value;
  if (!can(actor, 'practice.create', { programmeId, partnerIds: [input.ownerPartnerId] })) return refuse('forbidden');
  return db
    .transaction()
    .execute(async (trx) => done({ id: await writeNewPractice(trx, actor, 'practice.create', valuesOf(input, programmeId), input.themes) }));
}

/** Writes a new practice with its themes, its first history entry and the audit entry: a draft, or a stakeholder's proposal. */
async function writeNewPractice(
  trx: Tx,
  actor: Actor,
  action: 'practice.create' | 'practice.propose',
  values: queries.PracticeValues,
  themes: string[],
  proposer?: number,
): Promise<number> {
  const status = action === 'practice.create' ? 'draft' : 'proposed';
  const id = await queries.insertPractice(trx, values, status, proposer ?? null);
  await queries.replaceThemes(trx, id, themes);
  await recordChange(trx, actor, id, null, status);
  await recordAudit(trx, actor, { action, entityType: 'practice', entityId: id, programmeId: values.programmeId, after: { ...values, themes, status } });
  if (status === 'proposed') await tellAboutPractice(trx, actor, { ...values, id, proposedByUserId: proposer ?? null }, 'proposed');
  return id;
}

/** The stakeholder organisation through which a stakeholder may propose to (or assess for) a partner. */
export async function stakeholderOrganisationFor(db: Db, actor: Actor, partnerId: number): Promise<number | undefined> {
  if (actor.kind !== 'user') return undefined;
  const mine = new Set(actor.memberships.filter((membership) => membership.role === 'stakeholder').map((membership) => membership.organisationId));
  if (mine.size === 0) return undefined;
  const partner = await findPartnerWithGroup(db, actor, partnerId);
  return partner?.organisations.find((organisation) => mine.has(organisation.id))?.id;
}

/** A stakeholder proposes a practice for the review of a partner whose stakeholder group they belong to. */
export async function proposePractice(db: Db, actor: Actor, input: PracticeFormInput): Promise<Outcome<{ id: number }, PracticeRefusal>> {
  if (actor.kind !== 'user') return refuse('forbidden');
  const references = await checkReferences(db, actor, input);
  if (!references.ok) return references;
  const { programmeId } = references.value;
  const organisationId = await stakeholderOrganisationFor(db, actor, input.ownerPartnerId);
  if (organisationId === undefined || !can(actor, 'practice.propose', { programmeId, partnerIds: [input.ownerPartnerId], organisationId }))
    return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const values = { ...valuesOf(input, programmeId), ownerOrganisationId: input.ownerOrganisationId ?? organisationId };
    return done({ id: await writeNewPractice(trx, actor, 'practice.propose', values, input.themes, actor.userId) });
  });
}

function auditValues(practice: Practice) {
  const { createdAt: _created, updatedAt: _updated, submittedAt: _submitted, publishedAt: _published, ...values } = practice;
  return values;
}

/** Edits a practice; its status stays as it is (a published practice stays published, the change is audited). */
export async function updatePractice(db: Db, actor: Actor, practiceId: number, input: PracticeFormInput): Promise<Outcome<{ id: number }, PracticeRefusal>> {
  // Other modules are asked before the transaction opens: the embedded database has a single connection, which
  // the transaction holds until it ends.
  const current = await queries.findPractice(db, practiceId);
  if (!current) return refuse('not_found');
  const references = await checkReferences(db, actor, input, toPractice(current, false));
  if (!references.ok) return references;
  return db.transaction().execute(async (trx) => {
    const row = await queries.lockPractice(trx, practiceId);
    if (!row) return refuse('not_found');
    const before = toPractice(row, true);
    if (!isEditable(before)) return refuse('wrong_status');
    if (!can(actor, 'practice.update', scopeOf(before))) return refuse('forbidden');
    // The owner partner can only change between partners the actor edits, and a proposal stays with its partner.
    if (
      input.ownerPartnerId !== before.ownerPartnerId &&
      (before.status === 'proposed' || !can(actor, 'practice.create', { programmeId: before.programmeId, partnerIds: [input.ownerPartnerId] }))
    ) {
      return refuse('forbidden');
    }
    if (references.value.programmeId !== before.programmeId) return refuse('partner_not_found', 'ownerPartnerId');
    const values = valuesOf(input, before.programmeId);
    await queries.updatePractice(trx, practiceId, values);
    await queries.replaceThemes(trx, practiceId, input.themes);
    if (before.status === 'published') await requestRecommendationRefresh(trx, before.programmeId);
    await recordAudit(trx, actor, {
      action: 'practice.update',
      entityType: 'practice',
      entityId: practiceId,
      programmeId: before.programmeId,
      before: auditValues(before),
      after: { ...auditValues(before), ...values, themes: input.themes },
    });
    if (before.status === 'published') await tellAboutPractice(trx, actor, { ...before, title: values.title }, 'updated');
    return done({ id: practiceId });
  });
}

type Transition = {
  action: 'practice.submit' | 'practice.review' | 'practice.decide_proposal';
  from: readonly PracticeStatus[];
  to: PracticeStatus;
  auditAction: string;
};

const transitions = {
  submit: { action: 'practice.submit', from: ['draft', 'returned'], to: 'submitted', auditAction: 'practice.submit' },
  publish: { action: 'practice.review', from: ['draft', 'submitted', 'returned'], to: 'published', auditAction: 'practice.publish' },
  return: { action: 'practice.review', from: ['submitted', 'published'], to: 'returned', auditAction: 'practice.return' },
  accept: { action: 'practice.decide_proposal', from: ['proposed'], to: 'draft', auditAction: 'practice.accept_proposal' },
  decline: { action: 'practice.decide_proposal', from: ['proposed'], to: 'declined', auditAction: 'practice.decline_proposal' },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof transitions;
const transitionNames = Object.keys(transitions) as TransitionName[];

/** The transitions taken under one policy action, in the table's order: the choices of its page (a review publishes or returns). */
export function transitionsUnder(action: Transition['action']): TransitionName[] {
  return transitionNames.filter((name) => transitions[name].action === action);
}

/** The transitions a page offers this actor on this practice: the table changeStatus enforces, read the same way. */
export function transitionsOpenTo(actor: Actor, practice: Pick<Practice, 'programmeId' | 'ownerPartnerId' | 'status'>): TransitionName[] {
  const scope = { programmeId: practice.programmeId, partnerIds: [practice.ownerPartnerId] };
  return transitionNames.filter((name) => {
    const transition: Transition = transitions[name];
    return transition.from.includes(practice.status) && can(actor, transition.action, scope);
  });
}

/** A declined proposal is kept as it was declined: nobody edits it. */
export function isEditable(practice: Pick<Practice, 'status'>): boolean {
  return practice.status !== 'declined';
}

/** A published practice is part of the programme's record, so deleting it is a separate action (the coordinator's). */
export function deleteActionFor(practice: Pick<Practice, 'status'>): 'practice.delete' | 'practice.delete_published' {
  return practice.status === 'published' ? 'practice.delete_published' : 'practice.delete';
}

/** Moves a practice along its review workflow, keeping the change and its comment in the history and the audit log. */
export async function changeStatus(db: Db, actor: Actor, practiceId: number, name: TransitionName, comment = ''): Promise<Outcome<Practice, PracticeRefusal>> {
  const transition: Transition = transitions[name];
  return db.transaction().execute(async (trx) => {
    const row = await queries.lockPractice(trx, practiceId);
    if (!row) return refuse('not_found');
    const before = toPractice(row, true);
    if (!can(actor, transition.action, { programmeId: before.programmeId, partnerIds: [before.ownerPartnerId] })) return refuse('forbidden');
    if (!transition.from.includes(before.status)) return refuse('wrong_status');
    await queries.setStatus(trx, practiceId, transition.to);
    if (before.status === 'published' || transition.to === 'published') await requestRecommendationRefresh(trx, before.programmeId);
    await recordChange(trx, actor, practiceId, before.status, transition.to, comment);
    await recordAudit(trx, actor, {
      action: transition.auditAction,
      entityType: 'practice',
      entityId: practiceId,
      programmeId: before.programmeId,
      before: { status: before.status },
      after: { status: transition.to, comment },
    });
    await tellAboutPractice(trx, actor, before, name, before.status === 'published');
    return done({ ...before, status: transition.to });
  });
}

/**
 * Deletes a practice. Editors delete what is not published; a published practice is part of the programme's record
 * and only the coordinator removes it (a practice with transfers cannot be deleted at all).
 */
export async function deletePractice(db: Db, actor: Actor, practiceId: number): Promise<Outcome<Practice, PracticeRefusal | 'has_transfers'>> {
  return db.transaction().execute(async (trx) => {
    const row = await queries.lockPractice(trx, practiceId);
    if (!row) return refuse('not_found');
    const before = toPractice(row, true);
    if (!can(actor, deleteActionFor(before), scopeOf(before))) return refuse('forbidden');
    if (await queries.hasTransfers(trx, practiceId)) return refuse('has_transfers');
    await queries.deletePractice(trx, practiceId);
    if (before.status === 'published') await requestRecommendationRefresh(trx, before.programmeId);
    await recordAudit(trx, actor, {
      action: 'practice.delete',
      entityType: 'practice',
      entityId: practiceId,
      programmeId: before.programmeId,
      before: auditValues(before),
    });
    return done(before);
  });
}

/** What an actor may find in the library: published practices, plus drafts within their roles. */
export function visibilityFor(actor: Actor): Visibility {
  if (actor.kind === 'system' || (actor.kind === 'user' && actor.isAdmin)) return { allStatuses: true, programmeIds: [], partnerIds: [], proposerUserId: null };
  if (actor.kind !== 'user') return { allStatuses: false, programmeIds: [], partnerIds: [], proposerUserId: null };
  const { memberships } = actor;
  const of = (role: string, pick: (membership: (typeof memberships)[number]) => number | null) =>
    memberships
      .filter((membership) => membership.role === role)
      .map(pick)
      .filter((id): id is number => id !== null);
  return {
    allStatuses: false,
    programmeIds: of('coordinator', (membership) => membership.programmeId),
    partnerIds: of('editor', (membership) => membership.partnerId),
    proposerUserId: actor.userId,
  };
}

/** Whether the actor sees anything beyond published practices (and so the status filter). */
export function seesBackOffice(visibility: Visibility): boolean {
  return visibility.allStatuses || visibility.programmeIds.length > 0 || visibility.partnerIds.length > 0;
}

export const resultsPerPage = 20;

export interface LibraryPage {
  hits: SearchHit[];
  facets: FacetCounts;
  page: number;
  pageCount: number;
  staff: boolean;
  /** No practice found has every word of the query (or an alternative of it): the results have some of them. */
  matchedAnyWord: boolean;
  /** The query with its typos corrected, when a word matched nothing and a word written in the library is near it. */
  suggestion: string | null;
}

/** A library search decided in memory: its page but the rows, and the ids and owners of the rows to read. */
export interface LibrarySearch extends Omit<LibraryPage, 'hits'> {
  ids: number[];
  /** The owner of each of `ids` as the catalogue has it: the partners a page names can be read alongside its rows. */
  owners: number[];
  /** What to mark in each row, in their order (null without a query): core/search/marked-words.ts. */
  markings: string[] | null;
}

/** What the library's first search reads, read ahead once the node serves: the search index and the catalogue. */
export async function prepareLibrary(db: Db): Promise<void> {
  await Promise.all([prepareSearch(db), catalogueOf(db)]);
}

/**
 * What a search finds, with the facet counts, as the actor may see it: the words are ranked by the search index while
 * the catalogue is read (both in memory once current); a page beyond the last (an old link) is the last.
 */
export async function findInLibrary(db: Db, actor: Actor, query: SearchQuery): Promise<LibrarySearch> {
  const visibility = visibilityFor(actor);
  const staff = seesBackOffice(visibility);
  const filters = filtersOf(query, staff);
  const [catalogue, { match, suggestion }] = await Promise.all([catalogueOf(db), textMatchOf(db, query.q)]);
  const found = matchesOf(catalogue, filters, visibility, match);
  const { facets } = found;
  const pageCount = Math.max(1, Math.ceil(facets.total / resultsPerPage));
  const page = Math.min(query.page, pageCount);
  const ids = found.ordered(query.sort ?? 'relevance', (page - 1) * resultsPerPage, resultsPerPage);
  const owners = ids.map((id) => (catalogue.entries[catalogue.placeOf(id) as number] as CatalogueEntry).ownerPartnerId);
  const matchedAnyWord = facets.total > 0 && facets.complete === 0;
  return { facets, page, pageCount, staff, matchedAnyWord, suggestion, ids, owners, markings: match?.markingsOf(ids) ?? null };
}

/** A search's page with its rows, the words they were found through marked. */
export async function libraryPageOf(db: Db, search: LibrarySearch): Promise<LibraryPage> {
  const { ids, markings, facets, page, pageCount, staff, matchedAnyWord, suggestion } = search;
  const hits = ids.length === 0 ? [] : await pageRows(db, ids, markings);
  return { hits, facets, page, pageCount, staff, matchedAnyWord, suggestion };
}

/** One page of the library for a search query, with the facet counts, as the actor may see it. */
export async function searchLibrary(db: Db, actor: Actor, query: SearchQuery): Promise<LibraryPage> {
  return libraryPageOf(db, await findInLibrary(db, actor, query));
}

/** Everything a search of the library finds for the actor, with its facet counts, in any order asked (the library's exports). */
export async function libraryMatches(db: Db, actor: Actor, query: SearchQuery): Promise<LibraryMatches> {
  const visibility = visibilityFor(actor);
  const [catalogue, { match }] = await Promise.all([catalogueOf(db), textMatchOf(db, query.q)]);
  return matchesOf(catalogue, filtersOf(query, seesBackOffice(visibility)), visibility, match);
}

/** The library's filters from a search query; statuses only for those who see the back office. */
export function filtersOf(query: SearchQuery, staff: boolean): SearchFilters {
  return {
    text: query.q,
    themes: query.theme,
    countries: query.country,
    partners: query.partner,
    scopes: query.scope,
    statuses: staff ? query.status : [],
  };
}

/**
 * The practices a query's words find, ranked by the search index, and the query with its typos corrected when that
 * finds more; no match at all without words.
 */
export async function textMatchOf(db: Db, text: string): Promise<{ match: TextMatch | null; suggestion: string | null }> {
  if (text.trim() === '') return { match: null, suggestion: null };
  const index = await searchIndexOf(db);
  const analysed = await analyseQuery(db, index, text);
  const ranking = rankingOf(index, 'practice', analysed, text);
  return {
    match: { ranking, slots: analysed.slots.length, markingsOf: (ids) => markingQueriesOf(index, 'practice', ids, analysed) },
    suggestion: analysed.suggestion,
  };
}

export { similarPractices };

/** The published practices of a programme, by title: what other modules link to (events, plans). */
export async function listPublishedPractices(db: Db, programmeId: number): Promise<{ id: number; title: string; ownerPartnerId: number }[]> {
  return (await queries.listPublished(db, programmeId)).map((row) => ({ id: row.id, title: row.title, ownerPartnerId: row.owner_partner_id }));
}

/** The latest published practices, newest first, each with its title in the reader's language where a translation exists. */
export async function latestPublishedPractices(db: Db, locale: Locale, limit: number, programmeId?: number): Promise<LatestPractice[]> {
  return (await queries.listLatestPublished(db, limit, programmeId)).map((row) => {
    const translated = row.language !== locale ? row.translations[locale]?.title : undefined;
    return {
      id: row.id,
      title: translated ?? row.title,
      titleLanguage: translated ? locale : row.language,
      ownerPartnerId: row.owner_partner_id,
      publishedAt: row.published_at,
    };
  });
}

export interface LatestPractice {
  id: number;
  title: string;
  /** The language the title is shown in: the reader's where a translation exists, else the practice's own. */
  titleLanguage: Locale;
  ownerPartnerId: number;
  publishedAt: Date | null;
}

export type { PracticeValues } from './queries.js';

/**
 * Writes a batch of published practices in one transaction, without history or audit entries: only for the generated
 * libraries of search tests and the benchmark, thousands of practices no person wrote. People's records come in
 * through createPractice or the import.
 */
export async function writeGeneratedPractices(db: Db, practices: readonly { values: queries.PracticeValues; themes: string[] }[]): Promise<void> {
  await db.transaction().execute((trx) =>
    queries.insertPracticesWithThemes(
      trx,
      practices.map((practice) => ({ ...practice, status: 'published' as const })),
    ),
  );
}

/** Refreshes the planner's statistics of the library after a bulk write, so searches plan for its real size at once. */
export async function analyzeLibrary(db: Db): Promise<void> {
  await queries.analyzePractices(db);
}
