/**
 * The platform's own governance maturity questionnaire, written for BETTER: six dimensions following those of the EU
 * Digital Maturity Assessment for public sector organisations (digital strategy, digital readiness, human-centric
 * digitalisation, data governance, automation and AI, green digitalisation), each with three statements about a city
 * or regional authority's practice, answered on a five-level scale. The statements are ours, not a published
 * questionnaire's. Each dimension names the platform themes whose practices can help a partner that scores low on it.
 */
import type { Framework } from './framework.js';

type Texts = Framework['name'];

const level = (value: number, label: Texts, description: Texts) => ({ level: value, label, description });
const question = (key: string, text: Texts) => ({ key, text, weight: 1 });

export const defaultFramework: Framework = {
  name: {
    en: 'BETTER governance maturity self-assessment',
    it: 'Autovalutazione della maturità della governance BETTER',
    et: 'BETTER juhtimise küpsuse enesehindamine',
    hu: 'BETTER irányítási érettségi önértékelés',
    sv: 'BETTER självskattning av styrningens mognad',
  },
  scale: [
    level(
      0,
      { en: 'Not started', it: 'Non avviato', et: 'Alustamata', hu: 'Nem kezdődött el', sv: 'Inte påbörjat' },
      {
        en: 'Nothing is in place and no work is planned.',
        it: 'Non esiste nulla e non è previsto alcun lavoro.',
        et: 'Midagi pole tehtud ega plaanitud.',
        hu: 'Semmi sincs a helyén, és munka sem tervezett.',
        sv: 'Ingenting finns på plats och inget arbete är planerat.',
      },
    ),
    level(
      1,
      { en: 'Initial', it: 'Iniziale', et: 'Algne', hu: 'Kezdeti', sv: 'Inledande' },
      {
        en: 'Isolated efforts depend on a few individuals; nothing is written down.',
        it: 'Iniziative isolate dipendono da poche persone; nulla è scritto.',
        et: 'Üksikud ettevõtmised sõltuvad mõnest inimesest; midagi pole kirja pandud.',
        hu: 'Elszigetelt kezdeményezések néhány emberen múlnak; semmi sincs leírva.',
        sv: 'Enstaka insatser beror på några få personer; inget är nedskrivet.',
      },
    ),
    level(
      2,
      { en: 'Developing', it: 'In sviluppo', et: 'Arenev', hu: 'Fejlődő', sv: 'Under utveckling' },
      {
        en: 'A documented approach exists in some departments and is partly applied.',
        it: 'Un approccio documentato esiste in alcuni uffici ed è applicato in parte.',
        et: 'Dokumenteeritud lähenemine on mõnes osakonnas olemas ja osaliselt kasutusel.',
        hu: 'Néhány osztályon van dokumentált megközelítés, és részben alkalmazzák.',
        sv: 'Ett dokumenterat arbetssätt finns i vissa förvaltningar och tillämpas delvis.',
      },
    ),
    level(
      3,
      { en: 'Established', it: 'Consolidato', et: 'Väljakujunenud', hu: 'Megszilárdult', sv: 'Etablerat' },
      {
        en: 'The approach is applied across the authority and followed up regularly.',
        it: "L'approccio è applicato in tutto l'ente e verificato regolarmente.",
        et: 'Lähenemist rakendatakse kogu asutuses ja seda jälgitakse korrapäraselt.',
        hu: 'A megközelítést az egész szervezetben alkalmazzák és rendszeresen követik.',
        sv: 'Arbetssättet tillämpas i hela organisationen och följs upp regelbundet.',
      },
    ),
    level(
      4,
      { en: 'Leading', it: "All'avanguardia", et: 'Eeskujulik', hu: 'Élenjáró', sv: 'Ledande' },
      {
        en: 'The approach is measured, improved continuously and shared with other authorities.',
        it: "L'approccio è misurato, migliorato di continuo e condiviso con altri enti.",
        et: 'Lähenemist mõõdetakse, parendatakse pidevalt ja jagatakse teiste asutustega.',
        hu: 'A megközelítést mérik, folyamatosan javítják és megosztják más hatóságokkal.',
        sv: 'Arbetssättet mäts, förbättras löpande och delas med andra myndigheter.',
      },
    ),
  ],
  dimensions: [
    {
      key: 'digital_strategy',
      name: { en: 'Digital strategy', it: 'Strategia digitale', et: 'Digitaalne strateegia', hu: 'Digitális stratégia', sv: 'Digital strategi' },
      themes: ['smart-city', 'innovation-ecosystem'],
      questions: [
        question('strategy_targets', {
          en: 'Our authority has a digital strategy with measurable targets, reviewed at least once a year.',
          it: "Il nostro ente ha una strategia digitale con obiettivi misurabili, rivista almeno una volta l'anno.",
          et: 'Meie asutusel on mõõdetavate eesmärkidega digistrateegia, mida vaadatakse üle vähemalt kord aastas.',
          hu: 'Hatóságunknak mérhető célokat tartalmazó digitális stratégiája van, amelyet legalább évente felülvizsgálunk.',
          sv: 'Vår myndighet har en digital strategi med mätbara mål som ses över minst en gång om året.',
        }),
        question('strategy_budget', {
          en: 'Digital projects are funded through a multi-year budget linked to that strategy.',
          it: 'I progetti digitali sono finanziati da un bilancio pluriennale collegato alla strategia.',
          et: 'Digiprojekte rahastatakse strateegiaga seotud mitmeaastasest eelarvest.',
          hu: 'A digitális projekteket a stratégiához kötött többéves költségvetésből finanszírozzuk.',
          sv: 'Digitala projekt finansieras genom en flerårig budget som är kopplad till strategin.',
        }),
        question('strategy_leadership', {
          en: 'Elected and senior leaders sponsor digital change and report on its progress in public.',
          it: 'Gli amministratori eletti e i dirigenti sostengono il cambiamento digitale e ne rendono conto pubblicamente.',
          et: 'Valitud juhid ja tippjuhid toetavad digimuutust ning annavad selle edenemisest avalikult aru.',
          hu: 'A választott és felső vezetők támogatják a digitális változást, és nyilvánosan beszámolnak az előrehaladásról.',
          sv: 'Förtroendevalda och högsta ledningen driver den digitala förändringen och redovisar dess framsteg öppet.',
        }),
      ],
    },
    {
      key: 'digital_readiness',
      name: { en: 'Digital readiness', it: 'Prontezza digitale', et: 'Digivalmidus', hu: 'Digitális felkészültség', sv: 'Digital beredskap' },
      themes: ['skills', 'procurement-of-innovation'],
      questions: [
        question('readiness_skills', {
          en: 'Staff are offered training in digital skills matched to their role.',
          it: 'Al personale è offerta formazione sulle competenze digitali adeguata al proprio ruolo.',
          et: 'Töötajatele pakutakse nende rollile vastavat digioskuste koolitust.',
          hu: 'A munkatársak szerepkörüknek megfelelő digitális készségfejlesztő képzést kapnak.',
          sv: 'Medarbetarna erbjuds utbildning i digital kompetens anpassad till deras roll.',
        }),
        question('readiness_interoperability', {
          en: 'Our core IT systems can exchange data with each other through documented interfaces.',
          it: 'I nostri sistemi informatici principali scambiano dati tra loro attraverso interfacce documentate.',
          et: 'Meie põhilised IT-süsteemid vahetavad omavahel andmeid dokumenteeritud liideste kaudu.',
          hu: 'Fő informatikai rendszereink dokumentált interfészeken keresztül cserélnek adatot egymással.',
          sv: 'Våra centrala IT-system kan utbyta data med varandra via dokumenterade gränssnitt.',
        }),
        question('readiness_procurement', {
          en: 'We buy digital solutions on open standards, avoiding dependence on a single supplier.',
          it: 'Acquistiamo soluzioni digitali basate su standard aperti, evitando la dipendenza da un solo fornitore.',
          et: 'Ostame avatud standarditel põhinevaid digilahendusi ja väldime sõltuvust ühest tarnijast.',
          hu: 'Nyílt szabványokra épülő digitális megoldásokat szerzünk be, elkerülve az egyetlen szállítótól való függést.',
          sv: 'Vi köper digitala lösningar byggda på öppna standarder och undviker beroende av en enda leverantör.',
        }),
      ],
    },
    {
      key: 'human_centric',
      name: {
        en: 'Human-centric digitalisation',
        it: 'Digitalizzazione centrata sulle persone',
        et: 'Inimkeskne digitaliseerimine',
        hu: 'Emberközpontú digitalizáció',
        sv: 'Människocentrerad digitalisering',
      },
      themes: ['digital-services', 'payments'],
      questions: [
        question('people_online', {
          en: 'Residents and businesses can complete our most used services fully online.',
          it: 'Cittadini e imprese possono completare interamente online i nostri servizi più usati.',
          et: 'Elanikud ja ettevõtted saavad meie enimkasutatud teenused täielikult veebis ära teha.',
          hu: 'A lakosok és vállalkozások legtöbbet használt szolgáltatásainkat teljes egészében online intézhetik.',
          sv: 'Invånare och företag kan utföra våra mest använda tjänster helt digitalt.',
        }),
        question('people_codesign', {
          en: 'Services are designed and tested with the people who use them, including people with disabilities.',
          it: 'I servizi sono progettati e provati con chi li usa, comprese le persone con disabilità.',
          et: 'Teenused kavandatakse ja testitakse koos kasutajatega, sealhulgas puuetega inimestega.',
          hu: 'A szolgáltatásokat a felhasználókkal együtt tervezzük és teszteljük, a fogyatékossággal élőket is bevonva.',
          sv: 'Tjänsterna utformas och testas tillsammans med dem som använder dem, även personer med funktionsnedsättning.',
        }),
        question('people_inclusion', {
          en: 'People can choose a non-digital channel and get help to use digital services.',
          it: 'Le persone possono scegliere un canale non digitale e ricevere aiuto per usare i servizi digitali.',
          et: 'Inimesed saavad valida mittedigitaalse kanali ja saada abi digiteenuste kasutamisel.',
          hu: 'Az emberek választhatnak nem digitális csatornát, és segítséget kapnak a digitális szolgáltatások használatához.',
          sv: 'Människor kan välja en icke-digital kanal och få hjälp att använda digitala tjänster.',
        }),
      ],
    },
    {
      key: 'data_governance',
      name: { en: 'Data governance', it: 'Governance dei dati', et: 'Andmehaldus', hu: 'Adatkormányzás', sv: 'Datastyrning' },
      themes: ['open-data'],
      questions: [
        question('data_rules', {
          en: 'Roles and rules for the quality, protection and sharing of data are written down and applied.',
          it: 'Ruoli e regole per la qualità, la protezione e la condivisione dei dati sono scritti e applicati.',
          et: 'Andmete kvaliteedi, kaitse ja jagamise rollid ning reeglid on kirja pandud ja neid järgitakse.',
          hu: 'Az adatok minőségére, védelmére és megosztására vonatkozó szerepek és szabályok le vannak írva és érvényesülnek.',
          sv: 'Roller och regler för datas kvalitet, skydd och delning är nedskrivna och tillämpas.',
        }),
        question('data_open', {
          en: 'We publish our non-personal data as open data in reusable formats.',
          it: 'Pubblichiamo i nostri dati non personali come dati aperti in formati riutilizzabili.',
          et: 'Avaldame oma isikustamata andmeid avaandmetena taaskasutatavates vormingutes.',
          hu: 'Nem személyes adatainkat nyílt adatként, újrahasznosítható formátumban tesszük közzé.',
          sv: 'Vi publicerar våra icke-personliga data som öppna data i återanvändbara format.',
        }),
        question('data_decisions', {
          en: 'Decisions and plans draw on data analysed by our own staff or partners.',
          it: 'Decisioni e piani si basano su dati analizzati dal nostro personale o da partner.',
          et: 'Otsused ja plaanid tuginevad meie töötajate või partnerite analüüsitud andmetele.',
          hu: 'Döntéseink és terveink saját munkatársaink vagy partnereink által elemzett adatokon alapulnak.',
          sv: 'Beslut och planer bygger på data som analyserats av vår egen personal eller våra partner.',
        }),
      ],
    },
    {
      key: 'automation_ai',
      name: {
        en: 'Automation and AI',
        it: 'Automazione e IA',
        et: 'Automatiseerimine ja tehisintellekt',
        hu: 'Automatizálás és MI',
        sv: 'Automatisering och AI',
      },
      themes: ['artificial-intelligence'],
      questions: [
        question('automation_tasks', {
          en: 'Repetitive administrative tasks are identified and automated where it helps staff and residents.',
          it: 'Le attività amministrative ripetitive sono individuate e automatizzate dove aiutano personale e cittadini.',
          et: 'Korduvad haldusülesanded on kaardistatud ja automatiseeritud seal, kus see aitab töötajaid ja elanikke.',
          hu: 'Az ismétlődő adminisztratív feladatokat azonosítjuk és automatizáljuk, ahol ez segíti a munkatársakat és a lakosokat.',
          sv: 'Återkommande administrativa uppgifter identifieras och automatiseras där det hjälper personal och invånare.',
        }),
        question('automation_ai_oversight', {
          en: 'Any use of artificial intelligence is assessed for risks, explained to the public and supervised by people.',
          it: "Ogni uso dell'intelligenza artificiale è valutato nei rischi, spiegato al pubblico e supervisionato da persone.",
          et: 'Tehisintellekti iga kasutuse riske hinnatakse, seda selgitatakse avalikkusele ja seda jälgivad inimesed.',
          hu: 'A mesterséges intelligencia minden alkalmazásának kockázatait felmérjük, a nyilvánosságnak elmagyarázzuk, és ember felügyeli.',
          sv: 'All användning av artificiell intelligens riskbedöms, förklaras för allmänheten och övervakas av människor.',
        }),
        question('automation_pilots', {
          en: 'We test new technologies in small pilots before deciding whether to scale them up.',
          it: 'Sperimentiamo le nuove tecnologie in piccoli progetti pilota prima di decidere se estenderle.',
          et: 'Katsetame uusi tehnoloogiaid väikestes pilootides, enne kui otsustame neid laiendada.',
          hu: 'Az új technológiákat kis kísérleti projektekben próbáljuk ki, mielőtt döntünk a kiterjesztésükről.',
          sv: 'Vi prövar ny teknik i små piloter innan vi beslutar om att skala upp den.',
        }),
      ],
    },
    {
      key: 'green_digitalisation',
      name: { en: 'Green digitalisation', it: 'Digitalizzazione verde', et: 'Roheline digitaliseerimine', hu: 'Zöld digitalizáció', sv: 'Grön digitalisering' },
      themes: ['smart-city'],
      questions: [
        question('green_it_footprint', {
          en: 'The energy use and lifetime of our IT equipment and data centres are measured and improved.',
          it: 'Il consumo energetico e la durata delle nostre apparecchiature e dei data center sono misurati e migliorati.',
          et: 'Meie IT-seadmete ja andmekeskuste energiakasutust ja eluiga mõõdetakse ning parandatakse.',
          hu: 'Informatikai eszközeink és adatközpontjaink energiafelhasználását és élettartamát mérjük és javítjuk.',
          sv: 'Energianvändningen och livslängden för vår IT-utrustning och våra datacenter mäts och förbättras.',
        }),
        question('green_procurement', {
          en: 'Environmental criteria are part of every purchase of digital equipment and services.',
          it: 'I criteri ambientali fanno parte di ogni acquisto di apparecchiature e servizi digitali.',
          et: 'Keskkonnakriteeriumid on osa igast digiseadmete ja -teenuste ostust.',
          hu: 'Környezetvédelmi szempontok minden digitális eszköz és szolgáltatás beszerzésének részei.',
          sv: 'Miljökrav ingår i varje inköp av digital utrustning och digitala tjänster.',
        }),
        question('green_territory', {
          en: 'Digital tools help us monitor and reduce the environmental impact of our territory (mobility, energy, waste).',
          it: "Gli strumenti digitali ci aiutano a monitorare e ridurre l'impatto ambientale del territorio (mobilità, energia, rifiuti).",
          et: 'Digitööriistad aitavad meil jälgida ja vähendada piirkonna keskkonnamõju (liikuvus, energia, jäätmed).',
          hu: 'Digitális eszközök segítik területünk környezeti hatásának nyomon követését és csökkentését (mobilitás, energia, hulladék).',
          sv: 'Digitala verktyg hjälper oss att följa och minska miljöpåverkan i vårt område (mobilitet, energi, avfall).',
        }),
      ],
    },
  ],
};
