// SPDX-License-Identifier: EUPL-1.2
/**
 * Dutch texts of the overview (`/`) and the indicator page (`/indicator/…`), kept apart from texts.ts so the
 * dashboard pages can change without touching the texts of every other page.
 */
export const overviewTexts = {
  documentTitle: 'Kaart van Nederland',
  intro:
    'Ketenzicht helpt gemeenten en hun ketenpartners de aanpak van huiselijk geweld en kindermishandeling te volgen. Kies een indicator, periode en niveau: de kaart, de tabel en de rangorde tonen dezelfde cijfers. Klik op een gebied voor het profiel.',
  controlsHeading: 'Wat wilt u zien?',
  indicator: 'Indicator',
  indicatorSearch: 'Zoek een indicator',
  indicatorSearchDescription: 'Typ een deel van de naam of de omschrijving, bijvoorbeeld “hermelding”.',
  indicatorResults: 'Gevonden indicatoren',
  indicatorResultCount: (count: number, query: string) =>
    count === 0
      ? `Geen indicatoren gevonden voor “${query}”.`
      : count === 1
        ? `1 indicator gevonden voor “${query}”.`
        : `${count} indicatoren gevonden voor “${query}”.`,
  period: 'Periode',
  periodDescription: 'Perioden met cijfers, de nieuwste eerst.',
  levelLegend: 'Niveau',
  measureLegend: 'Maat',
  measures: { per1000: 'Per 1.000 inwoners', aantal: 'Aantal', waarde: 'Waarde' },
  unknownIndicator: (code: string) =>
    `Indicator “${code}” bestaat niet. De kaart toont de meldingen bij Veilig Thuis; kies een andere indicator uit de lijst.`,
  mapHeading: (title: string, level: string, period: string) => `${title} per ${level}, ${period}`,
  mapLabel: (title: string, level: string, period: string) =>
    `Kaart van Nederland: ${title} per ${level}, ${period}`,
  mapDescription: (count: string, levelPluralLower: string, indicator: string) =>
    `De kaart toont ${count} ${levelPluralLower}, ingekleurd naar ${indicator}: hoe donkerder, hoe hoger. Afgeschermde gebieden zijn gearceerd, gebieden zonder gegevens grijs. Elk gebied is een link naar het profiel van dat gebied; ga met Tab langs de gebieden en open er een met Enter. Dezelfde cijfers staan in de tabel naast de kaart.`,
  skipMap: 'Sla de kaart over en ga naar de tabel',
  legendNote: (measure: string) =>
    `${measure.charAt(0).toLocaleUpperCase('nl-NL')}${measure.slice(1)}. Indeling in groepen van ongeveer even veel gebieden (kwantielen).`,
  hidden: 'afgeschermd',
  hiddenLegend: 'Afgeschermd',
  noData: 'geen gegevens',
  noDataLegend: 'Geen gegevens',
  provisional: '(voorlopig)',
  notShown: '–',
  loading: 'De cijfers worden geladen…',
  loadWhat: 'de cijfers',
  updating: 'Bezig met bijwerken…',
  measureLine: (measure: string) => `Maat: ${measure}.`,
  /** The API's source lines ("Bron: Veilig Thuis", "Bewerking: Ketenzicht") as one sentence each. */
  sources: (lines: readonly string[]) =>
    lines.map((line) => (/[.!?]$/.test(line) ? line : `${line}.`)).join(' '),
  reference: (label: string, value: string) => `${label}: ${value}.`,
  hiddenCount: (count: number, levelPluralLower: string) =>
    count === 1 ? '1 gebied is afgeschermd.' : `${count} ${levelPluralLower} zijn afgeschermd.`,
  downloadsLabel: 'Downloads',
  downloadCsv: 'Download CSV',
  downloadXlsx: 'Download Excel (XLSX)',
  downloadsDescription:
    'Precies de cijfers van deze pagina, met bronvermelding en definities; afgeschermde cijfers blijven afgeschermd.',
  indicatorPageLink: (indicator: string) => `${indicator}: vergelijking van gebieden en verdeling`,
  indicatorLink: (indicator: string) => `Alles over ${indicator}: definitie, verdeling en vergelijking`,
  // Table
  tableHeading: 'Tabel',
  tableCaption: (title: string, level: string, period: string) => `${title} per ${level}, ${period}`,
  area: 'Gebied',
  /** Header of the value column: the measure with a capital ("Per 1.000 inwoners", "Aantal", "Percentage"). */
  value: (measure: string) => `${measure.charAt(0).toLocaleUpperCase('nl-NL')}${measure.slice(1)}`,
  count: 'Aantal',
  denominator: 'Noemer',
  baseFor: (label: string) => label,
  rank: 'Rang',
  interval: '95%-interval',
  comparison: 'Vergelijking met landelijk',
  notRanked: 'niet gerangschikt',
  // Ranking
  rankingHeading: 'Rangorde',
  highest: (count: number) => `Hoogste ${count}`,
  lowest: (count: number) => `Laagste ${count}`,
  rankingItem: (rank: number, name: string, value: string) => `${rank}. ${name}: ${value}`,
  rankingNote:
    'Gebieden met te weinig gebeurtenissen om betrouwbaar te vergelijken, afgeschermde gebieden en gebieden zonder gegevens staan niet in de rangorde.',
  noRanking: 'Er zijn geen gebieden om te rangschikken.',
  // No figures at all
  noFiguresHeading: 'Nog geen cijfers',
  noFigures:
    'Er zijn nog geen cijfers over huiselijk geweld en kindermishandeling in Ketenzicht. De kaart toont voorlopig het aantal inwoners.',
  // Indicator page
  indicatorDocumentTitle: (name: string) => `${name} - indicator`,
  aboutHeading: 'Over deze indicator',
  definition: 'Definitie',
  sourceLabel: 'Bron',
  unit: 'Eenheid',
  unitNames: { aantal: 'aantal', percentage: 'percentage', dagen: 'dagen', euro: 'euro' },
  /** A measure 'waarde' named by the indicator's unit. */
  units: { aantal: 'waarde', percentage: 'percentage', dagen: 'aantal dagen', euro: 'euro' },
  breakdowns: 'Uitsplitsingen',
  noBreakdowns: 'Geen',
  higherIsBetter: 'Hoger is',
  higherBetter: 'beter',
  higherWorse: 'slechter',
  higherNeither: 'niet beter of slechter',
  code: 'Code',
  catalogueLink: 'Alle indicatoren',
  overviewLink: 'Op de kaart',
  indicatorNotFound: (code: string) => `Indicator “${code}” bestaat niet.`,
  distributionHeading: 'Verdeling',
  distributionIntro: (count: number, levelPluralLower: string) =>
    `Hoeveel ${levelPluralLower} welke waarde hebben (${count} ${levelPluralLower} met een getoond cijfer).`,
  distributionLabel: (indicator: string, measure: string) =>
    `Histogram van ${indicator} ${measure}; de tabel eronder geeft dezelfde aantallen`,
  distributionTable: 'De verdeling als tabel',
  distributionCaption: (indicator: string, measure: string) => `Verdeling van ${indicator} ${measure}`,
  binColumn: 'Van – tot',
  binCountColumn: (levelPluralLower: string) => `Aantal ${levelPluralLower}`,
  binRange: (from: string, to: string) => `${from} tot ${to}`,
  binRangeLast: (from: string, to: string) => `${from} tot en met ${to}`,
  funnelHeading: 'Vergelijking met het landelijke cijfer',
  funnelIntro:
    'Een trechterdiagram: elk punt is een gebied, met links de kleine en rechts de grote gebieden. Hoe kleiner een gebied, hoe meer zijn cijfer door toeval schommelt; daarom is de trechter links breder. Een gebied buiten de binnenste lijnen (95%) wijkt waarschijnlijk echt af van het landelijke cijfer, buiten de buitenste lijnen (99,8%) vrijwel zeker.',
  funnelLabel: (indicator: string, measure: string) =>
    `Trechterdiagram van ${indicator} ${measure} tegen de grootte van de gebieden`,
  funnelSummary: (parts: string) =>
    `In het diagram: ${parts}. De tabel op deze pagina geeft elk gebied met zijn vergelijking.`,
  funnelSummaryPart: (count: number, label: string) => `${count} × ${label.toLocaleLowerCase('nl-NL')}`,
  funnelAxis: (base: string) => `${base} (logaritmische schaal)`,
  funnelReference: (label: string) => `${label} (landelijk)`,
  funnelLimit95: '95%-grenzen',
  funnelLimit998: '99,8%-grenzen',
  funnelNone:
    'Voor aantallen is er geen trechterdiagram: kies de maat per 1.000 inwoners om gebieden eerlijk met het landelijke cijfer te vergelijken.',
  tooFewHeading: 'Te weinig om te vergelijken',
  tooFewIntro: (count: number, levelPluralLower: string) =>
    count === 1
      ? 'Bij dit gebied is het aantal te klein om het betrouwbaar met het landelijke cijfer te vergelijken. Het staat niet in de rangorde en niet in het diagram.'
      : `Bij deze ${count} ${levelPluralLower} is het aantal te klein om ze betrouwbaar met het landelijke cijfer te vergelijken. Ze staan niet in de rangorde en niet in het diagram.`,
  tooFewNone: 'Alle gebieden met een cijfer zijn groot genoeg om te vergelijken.',
  allAreasHeading: (levelPlural: string) => `Alle ${levelPlural}`,
} as const;
