// SPDX-License-Identifier: EUPL-1.2
/**
 * Every Dutch text the web app shows, in one typed module. Identifiers are English, copy is Dutch.
 * Functions take already formatted values (numbers, dates) so this file stays free of formatting logic.
 */
import type { Level } from './api/types.ts';

interface LevelTexts {
  /** Singular, lower case as used inside a sentence: "gemeente". */
  singular: string;
  /** Singular with a capital, as a label: "Gemeente". */
  label: string;
  /** Plural with a capital, as an option or heading: "Gemeenten". */
  plural: string;
  /** Plural, lower case as used inside a sentence: "gemeenten". */
  pluralLower: string;
}

export const levelTexts: Record<Level, LevelTexts> = {
  gemeente: { singular: 'gemeente', label: 'Gemeente', plural: 'Gemeenten', pluralLower: 'gemeenten' },
  veiligthuisregio: {
    singular: 'Veilig Thuis-regio',
    label: 'Veilig Thuis-regio',
    plural: "Veilig Thuis-regio's",
    pluralLower: "Veilig Thuis-regio's",
  },
  provincie: { singular: 'provincie', label: 'Provincie', plural: 'Provincies', pluralLower: 'provincies' },
  land: { singular: 'land', label: 'Land', plural: 'Landen', pluralLower: 'landen' },
};

export const texts = {
  productName: 'Ketenzicht',
  titleSuffix: 'Ketenzicht',
  layout: {
    skipLink: 'Naar hoofdinhoud',
    tagline: 'Zicht op de aanpak van huiselijk geweld en kindermishandeling',
    navLabel: 'Hoofdmenu',
    navHome: 'Kaart',
    navNetherlands: 'Nederland',
    navMergers: 'Herindelingen',
    navAccessibility: 'Toegankelijkheid',
    attribution: 'Bron: CBS (gebiedsindelingen, bevolking), CC BY 4.0; grenzen via PDOK',
    footerAccessibility: 'Toegankelijkheidsverklaring',
    footerApi: 'API-documentatie',
    footerLicence: 'Ketenzicht is open source (EUPL-1.2).',
  },
  common: {
    loading: 'Bezig met laden…',
    loadError: (what: string) => `Het laden van ${what} is mislukt. Probeer het later opnieuw.`,
    inhabitants: 'Inwoners',
    inhabitantsCount: (formatted: string) => `${formatted} inwoners`,
    noData: 'Geen gegevens',
    name: 'Naam',
    code: 'Code',
  },
  home: {
    documentTitle: 'Kaart van Nederland',
    heading: 'Ketenzicht',
    intro:
      "Ketenzicht helpt gemeenten en hun ketenpartners de aanpak van huiselijk geweld en kindermishandeling te volgen. Deze eerste versie toont de indeling van Nederland in gemeenten, Veilig Thuis-regio's en provincies, met het aantal inwoners.",
    placeholderNote:
      'Het aantal inwoners is een voorlopige maat: zodra er cijfers over huiselijk geweld en kindermishandeling zijn, kleurt de kaart daarnaar.',
    mapHeading: (levelSingular: string) => `Inwoners per ${levelSingular}`,
    levelLegend: 'Toon de kaart per',
  },
  map: {
    title: (levelSingular: string, date: string) =>
      `Kaart van Nederland: inwoners per ${levelSingular} op ${date}`,
    description: (count: string, levelPluralLower: string) =>
      `De kaart toont ${count} ${levelPluralLower}, ingekleurd naar het aantal inwoners: hoe donkerder, hoe meer inwoners. Elk gebied is een link naar de pagina van dat gebied; ga met Tab langs de gebieden en open er een met Enter. Dezelfde gegevens staan in de tabel onder de kaart.`,
    areaLabel: (name: string, value: string) => `${name}: ${value}`,
    skipMap: 'Sla de kaart over en ga naar de tabel',
    legendHeading: 'Legenda',
    legendReference: (date: string) =>
      `Aantal inwoners op ${date}. Indeling in vijf even grote groepen (kwantielen).`,
    legendRange: (from: string, to: string) => `${from} – ${to}`,
    legendRangeSingle: (value: string) => value,
    loadingMap: 'De kaart wordt geladen…',
    loadingMapWhat: 'de kaart',
  },
  table: {
    caption: (levelSingular: string, date: string) => `Inwoners per ${levelSingular} op ${date}`,
  },
  search: {
    heading: 'Gemeente zoeken',
    label: 'Zoek een gemeente',
    description: 'Typ een deel van de naam, bijvoorbeeld “sudwest” of “den haag”.',
    resultsLabel: 'Gevonden gemeenten',
    tooShort: 'Typ minstens 2 letters.',
    noResults: (query: string) => `Geen gemeenten gevonden voor “${query}”.`,
    resultCount: (count: number, query: string) =>
      count === 1 ? `1 gemeente gevonden voor “${query}”.` : `${count} gemeenten gevonden voor “${query}”.`,
    error: 'Het zoeken is mislukt. Probeer het opnieuw.',
  },
  area: {
    code: 'Code',
    level: 'Soort gebied',
    province: 'Provincie',
    region: 'Veilig Thuis-regio',
    partOf: 'Onderdeel van',
    validTo: 'Bestaat tot',
    formerGemeente: 'Voormalige gemeente',
    latestPopulation: (date: string) => `Inwoners op ${date}`,
    populationHeading: 'Inwoners per peildatum',
    populationCaption: (name: string) => `Aantal inwoners van ${name} per peildatum (1 januari)`,
    referenceDate: 'Peildatum',
    membersHeading: (name: string) => `Gemeenten in ${name}`,
    membersCaption: (name: string, count: number) =>
      `De ${count} gemeenten in ${name}, met het aantal inwoners`,
    membersIntro: (levelSingular: string) =>
      `Het aantal inwoners van deze ${levelSingular} is de som van de inwoners van deze gemeenten.`,
    locatorLabel: (name: string) => `Ligging van ${name} op de kaart van Nederland`,
    memberColumn: 'Gemeente',
    loadError: 'De gegevens van dit gebied konden niet worden geladen. Probeer het later opnieuw.',
  },
  mergers: {
    documentTitle: 'Herindelingen',
    heading: 'Herindelingen',
    intro: [
      'Soms gaan gemeenten samen, of wordt een gemeente verdeeld over andere gemeenten. Dat heet een herindeling. De oude gemeente bestaat daarna niet meer.',
      'Met deze tabel kan Ketenzicht cijfers van een gemeente die niet meer bestaat, tonen op de indeling van nu: ze tellen dan mee bij de gemeente waarin ze is opgegaan. Deze versie bevat nog geen cijfers over huiselijk geweld en kindermishandeling; de omrekening volgt met de cijfermodule.',
      'Het aandeel inwoners is het deel van de inwoners van de oude gemeente dat naar de nieuwe gemeente ging. Is dat aandeel onbekend, dan verdeelt Ketenzicht de cijfers in gelijke delen over de nieuwe gemeenten en meldt het dat dit een schatting is.',
    ],
    caption: (count: number, firstYear: number, lastYear: number) =>
      count === 1
        ? `De herindeling van ${firstYear}`
        : firstYear === lastYear
          ? `Alle ${count} herindelingen in ${firstYear}, de nieuwste eerst`
          : `Alle ${count} herindelingen van ${firstYear} tot en met ${lastYear}, de nieuwste eerst`,
    captionEmpty: 'Er zijn geen herindelingen bekend.',
    dateColumn: 'Datum',
    oldColumn: 'Oude gemeente',
    newColumn: 'Nieuwe gemeente',
    shareColumn: 'Aandeel inwoners',
    sourceColumn: 'Bron',
    newlyCreated: 'nieuwe gemeente',
    shareUnknownCell: 'onbekend',
    loadWhat: 'de herindelingen',
    shareKnown: (percentage: string) => `${percentage} van de inwoners`,
    shareUnknown: 'aandeel onbekend',
    noticeHeading: 'Herindeling',
    noticeGone: (date: string, byMerger: boolean) =>
      byMerger
        ? `Deze gemeente bestaat niet meer sinds ${date} (herindeling).`
        : `Deze gemeente bestaat niet meer sinds ${date}.`,
    noticeGoing: (date: string, byMerger: boolean) =>
      byMerger
        ? `Deze gemeente bestaat vanaf ${date} niet meer (herindeling).`
        : `Deze gemeente bestaat vanaf ${date} niet meer.`,
    mergedInto: 'Ze is opgegaan in',
    willMergeInto: 'Ze gaat dan op in',
    splitOver: (count: number) => `Ze is verdeeld over deze ${count} gemeenten:`,
    willSplitOver: (count: number) => `Ze wordt dan verdeeld over deze ${count} gemeenten:`,
    noticeFigures: 'Ketenzicht rekent cijfers van voormalige gemeenten om naar de gemeenten van nu.',
    allMergersLink: 'Bekijk alle herindelingen',
    formedFromHeading: 'Ontstaan uit',
    joinedByHeading: 'Heringedeeld',
    formedFrom: (name: string, date: string, count: number) =>
      count === 1
        ? `${name} is op ${date} ontstaan uit deze gemeente:`
        : `${name} is op ${date} ontstaan uit deze ${count} gemeenten:`,
    joinedBy: (name: string, date: string, count: number) =>
      count === 1
        ? `Op ${date} is deze gemeente opgegaan in ${name}:`
        : `Op ${date} zijn deze ${count} gemeenten opgegaan in ${name}:`,
  },
  notFound: {
    documentTitle: 'Niet gevonden',
    heading: 'Pagina niet gevonden',
    areaHeading: 'Gebied niet gevonden',
    body: 'De pagina die u zocht bestaat niet (meer). Controleer het adres of begin opnieuw op de kaart.',
    areaBody: (code: string) =>
      `Er is geen gebied met de code “${code}”. Controleer de code of zoek het gebied op de kaart.`,
    homeLink: 'Naar de kaart van Nederland',
  },
  accessibility: {
    documentTitle: 'Toegankelijkheidsverklaring',
    heading: 'Toegankelijkheidsverklaring',
    intro:
      'Ketenzicht wil voor iedereen bruikbaar zijn, ook voor mensen met een beperking. Hier leest u hoe wij daarvoor zorgen, wat nog niet goed werkt en hoe u contact met ons opneemt.',
    standardHeading: 'Welke eisen wij volgen',
    standard:
      'Ketenzicht streeft naar naleving van de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA. Dat is de norm die de Europese standaard EN 301 549 en het Besluit digitale toegankelijkheid overheid voorschrijven.',
    testingHeading: 'Hoe wij testen',
    testing: [
      'Bij elke bouw van Ketenzicht controleert een geautomatiseerde test (axe) alle pagina’s op de WCAG 2.1 A- en AA-criteria die automatisch te toetsen zijn. Een bouw met een fout gaat niet door.',
      'Wij testen of alles met alleen het toetsenbord werkt: de kaart, de keuze voor het soort gebied, de zoekfunctie en de tabellen.',
      'Elke kaart heeft een tabel met dezelfde gegevens, en elk gebied op de kaart heeft een naam die een schermlezer voorleest.',
    ],
    limitationsHeading: 'Bekende beperkingen',
    limitations: [
      'Op de kaart van gemeenten zijn 342 gebieden met Tab te bereiken. Met de link “Sla de kaart over” gaat u direct naar de tabel met dezelfde gegevens.',
      'De kleuren op de kaart zijn niet voor iedereen goed van elkaar te onderscheiden. De tabel onder de kaart geeft dezelfde informatie in tekst.',
      'Er is nog geen onderzoek door een onafhankelijke deskundige gedaan. Dat volgt voordat Ketenzicht in gebruik wordt genomen.',
    ],
    contactHeading: 'Contact',
    contact:
      'Loopt u tegen een probleem aan, of heeft u een vraag over de toegankelijkheid? Meld het via de issuetracker van het project of bij de beheerder van de Ketenzicht-installatie van uw organisatie.',
    updated: 'Deze verklaring is opgesteld bij de eerste versie van Ketenzicht.',
  },
} as const;

export type Texts = typeof texts;
