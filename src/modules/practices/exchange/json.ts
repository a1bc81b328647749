/** The library as JSON (the same URLs with Accept: application/json), in the shapes api.ts describes. */
import type { LibraryDocument, PracticeDocument } from './api.js';
import type { Practice, LibraryPage } from '../library/service.js';
import { highlightEnd, highlightStart } from '../library/search.js';

export function practiceDocument(practice: Practice, ownerName: string | undefined, publicUrl: string): PracticeDocument {
  return {
    id: practice.id,
    url: `${publicUrl}/practices/${practice.id}`,
    status: practice.status,
    language: practice.language,
    title: practice.title,
    summary: practice.summary,
    objective: practice.objective,
    description: practice.description,
    owner: { partnerId: practice.ownerPartnerId, partnerName: ownerName ?? null, organisationId: practice.ownerOrganisationId },
    location: { country: practice.locationCountry, nuts: practice.locationNuts, city: practice.locationCity },
    themes: practice.themes,
    keywords: practice.keywords,
    geographicalScope: practice.geographicalScope,
    resources: { description: practice.resources, eur: practice.resourcesEur },
    timescale: { start: practice.startsOn, end: practice.endsOn },
    evidence: practice.evidence,
    transferPotential: practice.transferPotential,
    difficulties: practice.difficulties,
    links: practice.links,
    contact: practice.contactName || practice.contactEmail ? { name: practice.contactName, email: practice.contactEmail } : null,
    translations: practice.translations,
    publishedAt: practice.publishedAt?.toISOString() ?? null,
    updatedAt: practice.updatedAt.toISOString(),
  };
}

const markers = new RegExp(`[${highlightStart}${highlightEnd}]`, 'g');

export function libraryDocument(library: LibraryPage, publicUrl: string): LibraryDocument {
  const facet = (name: keyof LibraryPage['facets']['counts']) => Object.fromEntries(library.facets.counts[name]);
  return {
    total: library.facets.total,
    page: library.page,
    pageCount: library.pageCount,
    matchedAnyWord: library.matchedAnyWord,
    suggestion: library.suggestion,
    results: library.hits.map((hit) => ({
      id: hit.id,
      url: `${publicUrl}/practices/${hit.id}`,
      status: hit.status,
      language: hit.language,
      title: hit.title,
      summary: hit.summary,
      ownerPartnerId: hit.ownerPartnerId,
      country: hit.locationCountry,
      geographicalScope: hit.geographicalScope,
      themes: hit.themes,
      publishedAt: hit.publishedAt?.toISOString() ?? null,
      /** The summary with the matched words wrapped in «…», for a plain-text snippet. */
      snippet: hit.summaryHighlighted.replace(markers, (marker) => (marker === highlightStart ? '«' : '»')),
    })),
    facets: {
      theme: facet('theme'),
      country: facet('country'),
      partner: facet('partner'),
      scope: facet('scope'),
      ...(library.staff ? { status: facet('status') } : {}),
    },
  };
}
