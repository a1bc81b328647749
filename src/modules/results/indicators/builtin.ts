/**
 * The built-in indicators every programme starts with: the Interreg Europe 2014–2020 project indicators, two EU common
 * indicators of 2021–2027 (RCO87, RCR104) and the five measures of the BETTER practice. Wording follows
 * ../shared/indicators.md: where a source confirmed the indicator its name is used as given; where it did not
 * ("appearances in media"), the definition says it is the programme's own indicator, not an official one.
 */
import type { IndicatorKind } from '../tables.js';
import type { LocalisedText } from '../tables.js';
import type { Unit } from '../units.js';

export interface BuiltinIndicator {
  key: string;
  code: string;
  kind: IndicatorKind;
  /** The unit used when the formula is not installed; otherwise the formula's own unit, so the two always match. */
  unit: Unit;
  formula: string | null;
  atProgramme: boolean;
  atPartner: boolean;
  names: LocalisedText;
  definitions: LocalisedText;
}

// Formula keys are written in backticks: they look like message keys to the catalogue check, and are not.
const computed = (key: string, code: string, kind: IndicatorKind, unit: Unit, formula: string, names: LocalisedText, definitions: LocalisedText) => ({
  key,
  code,
  kind,
  unit,
  formula,
  atProgramme: true,
  atPartner: true,
  names,
  definitions,
});

export const builtinIndicators: readonly BuiltinIndicator[] = [
  computed(
    'ie.good_practices',
    'IE-GP',
    'output',
    'count',
    `practices.identified`,
    {
      en: 'Good practices identified',
      it: 'Buone pratiche individuate',
      et: 'Tuvastatud head tavad',
      hu: 'Azonosított jó gyakorlatok',
      sv: 'Identifierade goda exempel',
    },
    {
      en: 'Interreg Europe 2014–2020 project indicator: good practices of the partners, counted once validated.',
      it: 'Indicatore di progetto Interreg Europe 2014–2020: buone pratiche dei partner, contate una volta validate.',
      et: 'Interreg Europe 2014–2020 projektinäitaja: partnerite head tavad, loetakse pärast kinnitamist.',
      hu: 'Interreg Europe 2014–2020 projektindikátor: a partnerek jó gyakorlatai, jóváhagyás után számolva.',
      sv: 'Projektindikator i Interreg Europe 2014–2020: partnernas goda exempel, räknade när de har validerats.',
    },
  ),
  computed(
    'ie.people_capacity',
    'IE-PEOPLE',
    'result',
    'people',
    `events.people_capacity`,
    {
      en: 'People with increased professional capacity',
      it: 'Persone con maggiore capacità professionale',
      et: 'Suurenenud ametialase suutlikkusega inimesed',
      hu: 'Megnövekedett szakmai kapacitású személyek',
      sv: 'Personer med ökad yrkesmässig kapacitet',
    },
    {
      en: 'People with increased professional capacity due to their participation in interregional cooperation activities.',
      it: 'Persone con maggiore capacità professionale grazie alla partecipazione ad attività di cooperazione interregionale.',
      et: 'Inimesed, kelle ametialane suutlikkus kasvas tänu osalemisele piirkondadevahelises koostöös.',
      hu: 'Személyek, akiknek szakmai kapacitása az interregionális együttműködésben való részvétel révén nőtt.',
      sv: 'Personer vars yrkesmässiga kapacitet ökat tack vare deltagande i interregionalt samarbete.',
    },
  ),
  computed(
    'ie.action_plans',
    'IE-PLANS',
    'output',
    'count',
    `plans.endorsed`,
    {
      en: 'Action plans developed',
      it: 'Piani d’azione elaborati',
      et: 'Koostatud tegevuskavad',
      hu: 'Kidolgozott cselekvési tervek',
      sv: 'Utarbetade handlingsplaner',
    },
    {
      en: 'Regional Action Plans developed, counted once endorsed.',
      it: 'Piani d’azione regionali elaborati, contati una volta approvati.',
      et: 'Koostatud piirkondlikud tegevuskavad, loetakse pärast heakskiitmist.',
      hu: 'Kidolgozott regionális cselekvési tervek, jóváhagyás után számolva.',
      sv: 'Utarbetade regionala handlingsplaner, räknade när de har godkänts.',
    },
  ),
  computed(
    'ie.learning_events',
    'IE-EVENTS',
    'output',
    'events',
    `events.held`,
    {
      en: 'Policy-learning events',
      it: 'Eventi di apprendimento delle politiche',
      et: 'Poliitikaõppe üritused',
      hu: 'Szakpolitikai tanulási események',
      sv: 'Policylärande evenemang',
    },
    {
      en: 'Policy-learning events held by the partners (thematic events, study visits, workshops, regional events).',
      it: 'Eventi di apprendimento delle politiche tenuti dai partner (eventi tematici, visite di studio, workshop, eventi regionali).',
      et: 'Partnerite korraldatud poliitikaõppe üritused (temaatilised üritused, õppevisiidid, töötoad, piirkondlikud üritused).',
      hu: 'A partnerek által tartott szakpolitikai tanulási események (tematikus események, tanulmányutak, műhelyek, regionális események).',
      sv: 'Policylärande evenemang som partnerna hållit (tematiska evenemang, studiebesök, workshoppar, regionala evenemang).',
    },
  ),
  computed(
    'ie.instruments_improved',
    'IE-INSTR',
    'result',
    'count',
    `plans.policy_instruments_improved`,
    {
      en: 'Policy instruments improved',
      it: 'Strumenti di policy migliorati',
      et: 'Täiustatud poliitikainstrumendid',
      hu: 'Javított szakpolitikai eszközök',
      sv: 'Förbättrade styrmedel',
    },
    {
      en: 'Policy instruments improved thanks to the project, counted only with sufficient evidence.',
      it: 'Strumenti di policy migliorati grazie al progetto, contati solo con prove sufficienti.',
      et: 'Projekti abil täiustatud poliitikainstrumendid, loetakse ainult piisavate tõendite korral.',
      hu: 'A projektnek köszönhetően javított szakpolitikai eszközök, csak elegendő bizonyíték esetén számolva.',
      sv: 'Styrmedel som förbättrats tack vare projektet, räknade endast med tillräckliga belägg.',
    },
  ),
  {
    key: 'ie.funds_influenced',
    code: 'IE-FUNDS',
    kind: 'result',
    unit: 'eur',
    formula: null,
    atProgramme: true,
    atPartner: true,
    names: {
      en: 'Structural Funds and other funds influenced',
      it: 'Fondi strutturali e altri fondi influenzati',
      et: 'Mõjutatud struktuurifondid ja muud fondid',
      hu: 'Befolyásolt strukturális és egyéb alapok',
      sv: 'Påverkade strukturfonder och andra fonder',
    },
    definitions: {
      en: 'The amount of Structural Funds and other funds influenced by the project (EUR), reported by each partner with evidence.',
      it: 'L’importo dei fondi strutturali e di altri fondi influenzati dal progetto (EUR), dichiarato da ogni partner con prove.',
      et: 'Projekti mõjutatud struktuurifondide ja muude fondide summa (EUR), mille iga partner esitab koos tõenditega.',
      hu: 'A projekt által befolyásolt strukturális és egyéb alapok összege (EUR), amelyet minden partner bizonyítékkal jelent.',
      sv: 'Beloppet av strukturfonder och andra fonder som projektet påverkat (EUR), rapporterat av varje partner med belägg.',
    },
  },
  {
    key: 'ie.media',
    code: 'IE-MEDIA',
    kind: 'output',
    unit: 'count',
    formula: null,
    atProgramme: true,
    atPartner: true,
    names: {
      en: 'Appearances in media',
      it: 'Apparizioni nei media',
      et: 'Meediakajastused',
      hu: 'Médiamegjelenések',
      sv: 'Medieframträdanden',
    },
    definitions: {
      en: 'Appearances of the project in press, radio, television and online media, reported by each partner. The programme’s own communication indicator (its official wording was not confirmed in a source).',
      it: 'Apparizioni del progetto su stampa, radio, televisione e media online, dichiarate da ogni partner. Indicatore di comunicazione proprio del programma (la formulazione ufficiale non è stata confermata da una fonte).',
      et: 'Projekti kajastused ajakirjanduses, raadios, televisioonis ja veebimeedias, mille esitab iga partner. Programmi enda kommunikatsiooninäitaja (ametlikku sõnastust ei ole allikas kinnitatud).',
      hu: 'A projekt megjelenései a sajtóban, rádióban, televízióban és online médiában, minden partner jelentése alapján. A program saját kommunikációs indikátora (hivatalos megfogalmazását forrás nem erősítette meg).',
      sv: 'Projektets framträdanden i press, radio, tv och webbmedier, rapporterade av varje partner. Programmets egen kommunikationsindikator (den officiella formuleringen har inte bekräftats i en källa).',
    },
  },
  computed(
    'eu.rco87',
    'RCO87',
    'output',
    'organisations',
    `events.organisations_across_borders`,
    {
      en: 'Organisations cooperating across borders',
      it: 'Organizzazioni che cooperano a livello transfrontaliero',
      et: 'Piiriüleselt koostööd tegevad organisatsioonid',
      hu: 'Határokon átnyúlóan együttműködő szervezetek',
      sv: 'Organisationer som samarbetar över gränserna',
    },
    {
      en: 'EU common output indicator RCO87 (2021–2027): distinct organisations taking part in events of another partner.',
      it: 'Indicatore comune di output UE RCO87 (2021–2027): organizzazioni distinte che partecipano a eventi di un altro partner.',
      et: 'ELi ühine väljundnäitaja RCO87 (2021–2027): eri organisatsioonid, mis osalevad teise partneri üritustel.',
      hu: 'RCO87 uniós közös kimeneti indikátor (2021–2027): egy másik partner eseményein részt vevő különböző szervezetek.',
      sv: 'EU:s gemensamma utfallsindikator RCO87 (2021–2027): olika organisationer som deltar i en annan partners evenemang.',
    },
  ),
  {
    key: 'eu.rcr104',
    code: 'RCR104',
    kind: 'result',
    unit: 'solutions',
    formula: null,
    atProgramme: true,
    atPartner: true,
    names: {
      en: 'Solutions taken up or up-scaled by organisations',
      it: 'Soluzioni adottate o ampliate dalle organizzazioni',
      et: 'Organisatsioonide kasutusele võetud või laiendatud lahendused',
      hu: 'Szervezetek által átvett vagy kiterjesztett megoldások',
      sv: 'Lösningar som organisationer tagit upp eller skalat upp',
    },
    definitions: {
      en: 'EU common result indicator RCR104 (2021–2027). Reported by each partner: good practices it implemented after a transfer and instruments adopted by another authority, with evidence.',
      it: 'Indicatore comune di risultato UE RCR104 (2021–2027). Dichiarato da ogni partner: buone pratiche attuate dopo un trasferimento e strumenti adottati da un’altra autorità, con prove.',
      et: 'ELi ühine tulemusnäitaja RCR104 (2021–2027). Iga partner esitab: ülekande järel rakendatud head tavad ja teise asutuse kasutusele võetud instrumendid, koos tõenditega.',
      hu: 'RCR104 uniós közös eredményindikátor (2021–2027). Minden partner jelenti: az átadás után megvalósított jó gyakorlatok és a más hatóság által átvett eszközök, bizonyítékkal.',
      sv: 'EU:s gemensamma resultatindikator RCR104 (2021–2027). Rapporteras av varje partner: goda exempel som genomförts efter en överföring och instrument som en annan myndighet antagit, med belägg.',
    },
  },
  computed(
    'better.instruments_developed',
    'B-INSTR',
    'output',
    'count',
    `instruments.developed`,
    {
      en: 'Innovative eGovernment instruments developed',
      it: 'Strumenti innovativi di eGovernment sviluppati',
      et: 'Arendatud uuenduslikud e-valitsuse instrumendid',
      hu: 'Kifejlesztett innovatív e-kormányzati eszközök',
      sv: 'Utvecklade innovativa e-förvaltningsinstrument',
    },
    {
      en: 'BETTER success measure: eGovernment instruments that reached the pilot stage or later.',
      it: 'Misura di successo BETTER: strumenti di eGovernment giunti alla fase pilota o oltre.',
      et: 'BETTERi edunäitaja: e-valitsuse instrumendid, mis jõudsid pilootetappi või kaugemale.',
      hu: 'BETTER sikermutató: a kísérleti szakaszt vagy későbbit elért e-kormányzati eszközök.',
      sv: 'BETTER:s framgångsmått: e-förvaltningsinstrument som nått pilotstadiet eller längre.',
    },
  ),
  computed(
    'better.governance',
    'B-GOV',
    'result',
    'points',
    `maturity.improvement`,
    {
      en: 'Improvement in governance maturity',
      it: 'Miglioramento della maturità della governance',
      et: 'Juhtimise küpsuse paranemine',
      hu: 'A kormányzási érettség javulása',
      sv: 'Förbättrad styrningsmognad',
    },
    {
      en: 'BETTER success measure: change of the governance maturity self-assessment from the baseline round to the latest.',
      it: 'Misura di successo BETTER: variazione dell’autovalutazione della maturità della governance dal primo all’ultimo ciclo.',
      et: 'BETTERi edunäitaja: juhtimise küpsuse enesehindamise muutus lähtevoorust viimaseni.',
      hu: 'BETTER sikermutató: a kormányzási érettségi önértékelés változása a kiinduló fordulótól a legutóbbiig.',
      sv: 'BETTER:s framgångsmått: förändringen i självskattad styrningsmognad från första till senaste omgången.',
    },
  ),
  computed(
    'better.users_reached',
    'B-USERS',
    'result',
    'people',
    `instruments.users_reached`,
    {
      en: 'Users reached by the instruments',
      it: 'Utenti raggiunti dagli strumenti',
      et: 'Instrumentidega jõutud kasutajad',
      hu: 'Az eszközökkel elért felhasználók',
      sv: 'Användare som nåtts av instrumenten',
    },
    {
      en: 'BETTER success measure (societal impact): users of the eGovernment instruments, from their impact series.',
      it: 'Misura di successo BETTER (impatto sociale): utenti degli strumenti di eGovernment, dalle loro serie di impatto.',
      et: 'BETTERi edunäitaja (ühiskondlik mõju): e-valitsuse instrumentide kasutajad nende mõjuandmetest.',
      hu: 'BETTER sikermutató (társadalmi hatás): az e-kormányzati eszközök felhasználói a hatásadataik alapján.',
      sv: 'BETTER:s framgångsmått (samhällseffekt): användare av e-förvaltningsinstrumenten, ur deras effektserier.',
    },
  ),
  computed(
    'better.plan_implementation',
    'B-IMPL',
    'result',
    'percent',
    `plans.implementation`,
    {
      en: 'Implementation of the Regional Action Plans',
      it: 'Attuazione dei piani d’azione regionali',
      et: 'Piirkondlike tegevuskavade elluviimine',
      hu: 'A regionális cselekvési tervek végrehajtása',
      sv: 'Genomförande av de regionala handlingsplanerna',
    },
    {
      en: 'BETTER success measure: percent complete of the plans’ actions, weighted by cost.',
      it: 'Misura di successo BETTER: percentuale di completamento delle azioni dei piani, ponderata per costo.',
      et: 'BETTERi edunäitaja: kavade tegevuste valmidusprotsent, kaalutud kuluga.',
      hu: 'BETTER sikermutató: a tervek intézkedéseinek készültségi foka, költséggel súlyozva.',
      sv: 'BETTER:s framgångsmått: färdigställd andel av planernas åtgärder, viktad efter kostnad.',
    },
  ),
  computed(
    'better.participation',
    'B-PART',
    'output',
    'people',
    `events.participants`,
    {
      en: 'Participation in thematic events and workshops',
      it: 'Partecipazione a eventi tematici e workshop',
      et: 'Osalemine temaatilistel üritustel ja töötubades',
      hu: 'Részvétel tematikus eseményeken és műhelyeken',
      sv: 'Deltagande i tematiska evenemang och workshoppar',
    },
    {
      en: 'BETTER success measure: attendances at the programme’s events.',
      it: 'Misura di successo BETTER: presenze agli eventi del programma.',
      et: 'BETTERi edunäitaja: osalemised programmi üritustel.',
      hu: 'BETTER sikermutató: részvételek a program eseményein.',
      sv: 'BETTER:s framgångsmått: närvaro vid programmets evenemang.',
    },
  ),
];
