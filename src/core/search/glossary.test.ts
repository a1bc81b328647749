import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/locales.js';
import { buildGlossary, glossary, glossaryFile, isStem, readGlossaryRows, tokenVariants, type GlossaryRow } from './glossary.js';

const rows = readGlossaryRows(readFileSync(glossaryFile, 'utf8'));

/** The concepts named in a text, in the text's order. */
function conceptsIn(text: string): string[] {
  return glossary()
    .conceptsIn(text)
    .map((match) => match.concept);
}

describe('the glossary file', () => {
  it('parses, with at least 120 concepts, each with terms in all five languages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    for (const row of rows) for (const locale of locales) expect(row[locale].length, `${row.concept} in ${locale}`).toBeGreaterThan(0);
  });

  it('lists no words under two concepts, in any language, since a query carries no language', () => {
    // Words that may deliberately name two concepts go here, with the reason; none so far.
    const deliberatelyShared = new Set<string>();
    const owners = new Map<string, Set<string>>();
    for (const row of rows) {
      for (const term of locales.flatMap((locale) => row[locale])) {
        for (const words of tokenVariants(term)) {
          const key = (term.startsWith('=') ? '=' : '') + words.join(' ');
          owners.set(key, (owners.get(key) ?? new Set()).add(row.concept));
        }
      }
    }
    const shared = [...owners].filter(([key, concepts]) => concepts.size > 1 && !deliberatelyShared.has(key));
    expect(shared.map(([key, concepts]) => `${key}: ${[...concepts].join(', ')}`)).toEqual([]);
  });

  // A longer term of another concept wins anyway (longest match); one of the same length would lose its inflections.
  it('has no stem that would catch a term of another concept as long as itself', () => {
    const variants = rows.flatMap((row) =>
      locales.flatMap((locale) => row[locale].flatMap((term) => tokenVariants(term).map((words) => ({ concept: row.concept, term, words })))),
    );
    const caught = variants.flatMap((stem) =>
      !isStem(stem.term)
        ? []
        : variants
            .filter(
              (other) =>
                other.concept !== stem.concept &&
                other.words.length === stem.words.length &&
                stem.words.every((word, position) =>
                  position === stem.words.length - 1 ? other.words[position]!.startsWith(word) : other.words[position] === word,
                ),
            )
            .map((other) => `${stem.term} (${stem.concept}) catches ${other.term} (${other.concept})`),
    );
    expect([...new Set(caught)]).toEqual([]);
  });

  it('has no term that is a common little word of one of the five languages (those are marked exact, like =AI)', () => {
    const functionWords = new Set(
      [
        'a an the and or of in on at to for with by from is are be it its this that as not no we you he she they what who how all can will do',
        'il lo la i gli le un una uno di da con su per tra fra e o ma che chi non si ai al alla alle dei del della delle nel nella sul come anche mi ti ci vi ne sono ha',
        'ja ning ka ei on oli see mis kes kui et ta nad me te ma sa oma kas aga voi ole pole siis seal siin koik',
        'az es egy is nem van volt hogy ki mit aki ami meg de vagy mint ez azt en ha csak mar ok',
        'och att det som ett pa ar av for med till den de om inte har var jag du han hon vi ni sig men eller sa kan ska',
      ].flatMap((words) => words.split(' ')),
    );
    const little = rows.flatMap((row) =>
      locales.flatMap((locale) =>
        row[locale].filter((term) => !term.startsWith('=') && tokenVariants(term).some((words) => words.length === 1 && functionWords.has(words[0]!))),
      ),
    );
    expect(little).toEqual([]);
  });

  it('refuses a file that would mislead the matcher, naming the line', () => {
    const header = 'concept,en,it,et,hu,sv\n';
    expect(() => readGlossaryRows(`${header}chatbot,chatbot,chatbot,vestlusrobot,chatbot,\n`)).toThrow(/line 2/);
    expect(() => readGlossaryRows(`${header}Chat Bot,chatbot,chatbot,vestlusrobot,chatbot,chattbot\n`)).toThrow(/kebab-case/);
    expect(() => readGlossaryRows(`${header}chatbot,chatbot|Chatbot,chatbot,vestlusrobot,chatbot,chattbot\n`)).toThrow(/listed twice in en/);
    expect(() => readGlossaryRows(`${header}chatbot,chatbot||bot,chatbot,vestlusrobot,chatbot,chattbot\n`)).toThrow(/empty term/);
    expect(() => readGlossaryRows('concept,en,it,et,hu\nchatbot,a,b,c,d\n')).toThrow(/columns/);
    expect(() => readGlossaryRows(`${header}chatbot,chatbot|bot*,chatbot,vestlusrobot,chatbot,chattbot\n`)).toThrow(/at least 4 letters/);
    expect(() => readGlossaryRows(`${header}ai,=AI*,IA,TI,MI,AI\n`)).toThrow(/exact or a stem/);
  });
});

describe('finding concepts in a query', () => {
  it('finds multi-word terms, with their word positions', () => {
    expect(glossary().conceptsIn('Which regions use participatory budgeting online?')).toEqual([
      { concept: 'region', matched: 'regions', start: 1, end: 2 },
      { concept: 'participatory-budgeting', matched: 'participatory budgeting', start: 3, end: 5 },
    ]);
  });

  it('ignores case and diacritics', () => {
    expect(conceptsIn('ugyintezes')).toEqual(['administrative-procedure']);
    expect(conceptsIn('ÉPÍTÉSI ENGEDÉLY')).toEqual(['building-permit']);
    expect(conceptsIn('bygglov i Gavle')).toEqual(['building-permit']);
    expect(conceptsIn('u\u0308gyinte\u0301ze\u0301s')).toEqual(['administrative-procedure']);
  });

  it('takes hyphens as optional: e-service, e service and eservice are the same term', () => {
    for (const query of ['e-service', 'e service', 'eservice', 'E-Service', 'e‑service']) expect(conceptsIn(query), query).toEqual(['e-service']);
    expect(conceptsIn('e-teenused')).toEqual(['e-service']);
    expect(conceptsIn('eteenus')).toEqual(['e-service']);
  });

  it('prefers the longest match and never overlaps two', () => {
    expect(conceptsIn('e-procurement')).toEqual(['e-procurement']);
    expect(conceptsIn('public procurement of innovation')).toEqual(['public-procurement-of-innovation']);
    expect(conceptsIn('smart specialisation strategy and open data')).toEqual(['smart-specialisation', 'open-data']);
    expect(conceptsIn('sportello unico per l’edilizia')).toEqual(['building-permit']);
  });

  it('matches whole words only', () => {
    expect(conceptsIn('pcpx')).toEqual([]);
    expect(conceptsIn('xpcp')).toEqual([]);
    expect(conceptsIn('the PCP call')).toEqual(['pre-commercial-procurement']);
    expect(conceptsIn('chatbots')).toEqual(['chatbot']);
    expect(conceptsIn('chatbotting')).toEqual([]);
  });

  it("lets a stem's last word go on, for the case endings of Estonian and Hungarian", () => {
    expect(conceptsIn('ehitusloa taotlemine e-teenusena')).toEqual(['building-permit', 'e-service']);
    expect(conceptsIn('önkormányzatnál')).toEqual(['municipality']);
    expect(conceptsIn('kaasava eelarvestamise kogemus')).toEqual(['participatory-budgeting']);
    expect(conceptsIn('bygglovsärenden')).toEqual(['building-permit']);
    expect(glossary().conceptsIn('e-teenusena')).toEqual([{ concept: 'e-service', matched: 'e-teenus', start: 0, end: 2 }]);
  });

  it('prefers a whole word to a stem that also fits it', () => {
    const stems: GlossaryRow[] = [
      { concept: 'school', en: ['school'], it: ['scuola'], et: ['kool*'], hu: ['iskola'], sv: ['skola'] },
      { concept: 'training', en: ['training'], it: ['formazione'], et: ['koolitus'], hu: ['képzés'], sv: ['utbildning'] },
    ];
    expect(
      buildGlossary(stems)
        .conceptsIn('koolitus koolis')
        .map((match) => match.concept),
    ).toEqual(['training', 'school']);
  });

  it('matches an exact abbreviation only as written: AI, not the Italian "ai"', () => {
    expect(conceptsIn('AI for citizen enquiries')).toEqual(['artificial-intelligence', 'citizens']);
    expect(conceptsIn('servizi ai cittadini')).toEqual(['citizens']);
    expect(conceptsIn('PA digitale')).toEqual(['egovernment']);
    expect(conceptsIn('la PA')).toEqual(['public-administration']);
    expect(conceptsIn('bostäder på landsbygden')).toEqual(['housing', 'rural-areas']);
  });

  it('returns every concept a shared span names, once, when a glossary deliberately shares words', () => {
    const shared: GlossaryRow[] = [
      { concept: 'one', en: ['open data'], it: ['dati aperti'], et: ['avaandmed'], hu: ['nyílt adat'], sv: ['öppna data'] },
      { concept: 'two', en: ['open data', 'data'], it: ['dati'], et: ['andmed'], hu: ['adat'], sv: ['data'] },
    ];
    expect(
      buildGlossary(shared)
        .conceptsIn('open data')
        .map((match) => [match.concept, match.start, match.end]),
    ).toEqual([
      ['one', 0, 2],
      ['two', 0, 2],
    ]);
  });

  it('answers a ten-word query in microseconds', () => {
    const query = 'Digitale Bürgerdienste: chatbot for building permits and e-services in rural municipalities';
    glossary().conceptsIn(query);
    const runs = 10_000;
    const started = performance.now();
    for (let run = 0; run < runs; run++) glossary().conceptsIn(query);
    const microseconds = ((performance.now() - started) * 1000) / runs;
    expect(microseconds).toBeLessThan(100);
  });
});

describe('the terms of a concept', () => {
  it('gives every term in the five languages, as written, without the exact-match marker', () => {
    const terms = glossary().termsOf('artificial-intelligence');
    expect(terms).toEqual(
      expect.arrayContaining([
        'AI',
        'artificial intelligence',
        'intelligenza artificiale',
        'tehisintellekt',
        'mesterséges intelligencia',
        'artificiell intelligens',
      ]),
    );
    expect(terms.some((term) => term.startsWith('='))).toBe(false);
    expect(new Set(terms).size).toBe(terms.length);
    expect(glossary().termsOf('no-such-concept')).toEqual([]);
  });
});

describe('spot checks of the five languages', () => {
  const examples: Record<string, string[]> = {
    chatbot: ['virtual assistant', 'assistente virtuale', 'vestlusrobot', 'virtuális asszisztens', 'chattbot', 'Bürokratt'],
    'building-permit': ['building permit', 'permesso di costruire', 'ehitusluba', 'ehitusloa', 'ehituslubade', 'építési engedély', 'bygglov'],
    'participatory-budgeting': [
      'participatory budgeting',
      'bilancio partecipativo',
      'kaasav eelarve',
      'kaasava eelarve',
      'részvételi költségvetés',
      'medborgarbudget',
    ],
    'smart-specialisation': ['RIS3', 'S3', 'specializzazione intelligente', 'nutika spetsialiseerumise', 'intelligens szakosodás', 'smart specialisering'],
    'pre-commercial-procurement': [
      'PCP',
      'appalti pre-commerciali',
      'kommertskasutuseelne hange',
      'kereskedelmi hasznosítást megelőző beszerzés',
      'förkommersiell upphandling',
    ],
    'e-service': ['e-teenus', 'elektronikus ügyintézés', 'e-tjänst', 'servizi online'],
    'digital-identity': ['SPID', 'ID-kaart', 'Smart-ID', 'BankID', 'e-legitimation', 'Ügyfélkapu'],
    'one-stop-shop': ['sportello unico', 'kormányablak', 'one-stop shop'],
    'government-portal': ['riigiportaal', 'eesti.ee'],
    egovernment: ['e-közigazgatás', 'e-förvaltning', 'e-government'],
  };
  for (const [concept, queries] of Object.entries(examples)) {
    it(`finds ${concept} in every language`, () => {
      for (const query of queries) expect(conceptsIn(query), query).toEqual([concept]);
    });
  }
});
