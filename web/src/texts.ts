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
    navIndicators: 'Indicatoren',
    navFigures: 'Cijfers',
    navMergers: 'Herindelingen',
    navAccessibility: 'Toegankelijkheid',
    attribution: 'Bron: CBS (gebiedsindelingen, bevolking), CC BY 4.0; grenzen via PDOK',
    footerAccessibility: 'Toegankelijkheidsverklaring',
    footerApi: 'API-documentatie',
    footerLicence: 'Ketenzicht is open source (EUPL-1.2).',
    accountNavLabel: 'Account',
    signIn: 'Inloggen',
    accountLinkPrefix: 'Mijn account: ',
    admin: 'Beheer',
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
  mergerUpload: {
    heading: 'Herindelingen importeren',
    intro:
      'Als beheerder voegt u herindelingen toe met een CSV-bestand, of werkt u bestaande bij. Een rij met dezelfde oude gemeentecode, nieuwe gemeentecode en datum als een bekende herindeling vervangt die; Ketenzicht verwijdert geen herindelingen.',
    allOrNothing:
      'Het importeren gaat helemaal of niet: staat er één fout in het bestand, dan verandert er niets. Met “Controleren” ziet u eerst of het bestand in orde is, zonder iets te wijzigen.',
    columnsIntro:
      'De eerste regel van het bestand is de kopregel met deze kolommen (zoals in reference-data/herindelingen.csv), gescheiden door komma’s:',
    columns: [
      { name: 'old_code', description: 'code van de oude gemeente, bijvoorbeeld GM0457' },
      { name: 'old_name', description: 'naam van de oude gemeente' },
      { name: 'new_code', description: 'code van de gemeente waarin zij opging, bijvoorbeeld GM0363' },
      { name: 'new_name', description: 'naam van die gemeente' },
      { name: 'effective_date', description: 'ingangsdatum als JJJJ-MM-DD, bijvoorbeeld 2022-03-24' },
      {
        name: 'population_share',
        description:
          'deel van de inwoners dat naar de nieuwe gemeente ging: groter dan 0, hoogstens 1; leeg als onbekend',
      },
      {
        name: 'new_code_is_new',
        description: '“ja” als de herindeling deze gemeente heeft gemaakt, anders “nee”',
      },
      { name: 'source', description: 'waar de gegevens vandaan komen' },
    ],
    fileLabel: 'CSV-bestand met herindelingen',
    fileDescription: (limit: string) =>
      `Opgeslagen als CSV (UTF-8 of, uit Excel, Windows-1252), hoogstens ${limit}.`,
    check: 'Controleren',
    import: 'Importeren',
    fileMissing: 'Kies een CSV-bestand met herindelingen.',
    fileEmpty: (name: string) => `${name} is leeg. Kies een CSV-bestand met een kopregel.`,
    fileTooLarge: (name: string, limit: string) =>
      `${name} is groter dan ${limit}. Kies een kleiner bestand of verdeel de herindelingen over meer bestanden.`,
    problemsSummary: (name: string, count: number, formattedCount: string) =>
      count === 1
        ? `${name} bevat 1 fout; er is niets gewijzigd. Bekijk de fout in de tabel “Fouten in het bestand”.`
        : `${name} bevat ${formattedCount} fouten; er is niets gewijzigd. Bekijk de fouten in de tabel “Fouten in het bestand”.`,
    problemsHeading: 'Fouten in het bestand',
    problemsCaption: (name: string, count: number, formattedCount: string) =>
      count === 1 ? `1 fout in ${name}` : `${formattedCount} fouten in ${name}`,
    problemsIntro: 'Verbeter deze fouten in het bestand en kies het daarna opnieuw. Rij 1 is de kopregel.',
    rowColumn: 'Rij',
    columnColumn: 'Kolom',
    valueColumn: 'Waarde',
    messageColumn: 'Wat er mis is',
    noRow: '–',
    emptyValue: '(leeg)',
    rows: (count: number, formattedCount: string) =>
      count === 1 ? '1 herindelingsrij' : `${formattedCount} herindelingsrijen`,
    checked: (name: string, rows: string, encoding: string) =>
      `${name} is in orde: ${rows}, gelezen als ${encoding}. Er is nog niets gewijzigd; kies “Importeren” om de herindelingen op te slaan.`,
    imported: (name: string, rows: string, encoding: string) =>
      `${name} is geïmporteerd: ${rows} opgeslagen, gelezen als ${encoding}. De tabel met herindelingen is bijgewerkt.`,
    encodings: { 'utf-8': 'UTF-8', 'utf-8 met BOM': 'UTF-8 met BOM', 'windows-1252': 'Windows-1252' },
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
  forms: {
    errorSummaryHeading: 'Er is een probleem',
    errorPrefix: 'Fout: ',
    sendFailed: 'Het versturen is mislukt. Controleer de verbinding en probeer het opnieuw.',
    busy: 'Bezig…',
    /** Accessible name of a visually hidden part, e.g. "Verwijderen" + " bij Gemeente Ede". */
    atOrganisation: (name: string) => ` bij ${name}`,
  },
  setup: {
    heading: 'Nog geen beheerder',
    body: 'Deze installatie van Ketenzicht heeft nog geen beheerder. Wie de server beheert, maakt de eerste beheerder aan met dit commando op de server:',
    command: 'npx ketenzicht admin create --email naam@organisatie.nl',
    after:
      'Het commando toont een eenmalige link. Met die link stelt de nieuwe beheerder een wachtwoord in; daarna kan die inloggen en andere gebruikers toevoegen.',
  },
  guard: {
    checking: 'Bezig met controleren of u bent ingelogd…',
    redirecting: 'U moet eerst inloggen. U gaat naar de pagina om in te loggen…',
    sessionError: 'Het is niet gelukt om te controleren of u bent ingelogd. Probeer het later opnieuw.',
    noAccessTitle: 'Geen toegang',
    noAccessHeading: 'Geen toegang',
    noAccessBody:
      'Deze pagina is alleen voor beheerders van Ketenzicht. U bent ingelogd, maar u hebt de rol beheerder niet. Hebt u deze pagina nodig voor uw werk? Vraag dan de beheerder van Ketenzicht in uw organisatie om de rol beheerder.',
    accountLink: 'Naar mijn account',
  },
  signIn: {
    documentTitle: 'Inloggen',
    heading: 'Inloggen',
    intro: 'Log in met het e-mailadres en het wachtwoord van uw Ketenzicht-account.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    emailEmpty: 'Vul uw e-mailadres in.',
    passwordEmpty: 'Vul uw wachtwoord in.',
    noPassword:
      'Nog geen wachtwoord, of wachtwoord vergeten? Vraag de beheerder van Ketenzicht om een eenmalige link om een wachtwoord in te stellen.',
    oidcHeading: 'Inloggen via uw organisatie',
    oidcIntro:
      'Logt u bij uw organisatie in met een eigen inlogvoorziening? Dan kunt u die ook hier gebruiken.',
    passwordHeading: 'Inloggen met e-mailadres en wachtwoord',
    errorHeading: 'Inloggen is niet gelukt',
    errorNoAccess:
      'U bent ingelogd bij uw organisatie, maar u hebt nog geen toegang tot Ketenzicht. Vraag de beheerder van Ketenzicht om u toe te voegen.',
    errorFailed:
      'Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw, of log in met uw e-mailadres en wachtwoord.',
    signedOut: 'U bent afgemeld.',
    signedOutEverywhere: (sessions: number | undefined) =>
      sessions === undefined
        ? 'U bent op alle apparaten afgemeld.'
        : sessions === 1
          ? 'U bent op alle apparaten afgemeld (1 sessie beëindigd).'
          : `U bent op alle apparaten afgemeld (${sessions} sessies beëindigd).`,
    alreadySignedIn: (name: string) => `U bent al ingelogd als ${name}.`,
  },
  setPassword: {
    documentTitle: 'Wachtwoord instellen',
    heading: 'Wachtwoord instellen',
    intro: 'Kies een wachtwoord voor uw Ketenzicht-account.',
    rule: 'Gebruik minstens 12 tekens. Een zin van een paar woorden is goed te onthouden en moeilijk te raden.',
    newPassword: 'Nieuw wachtwoord',
    repeatPassword: 'Herhaal het nieuwe wachtwoord',
    submit: 'Wachtwoord instellen',
    missingToken:
      'Deze link is niet compleet. Open de volledige link die u van de beheerder kreeg, of vraag de beheerder om een nieuwe link.',
    successHeading: 'Uw wachtwoord is ingesteld',
    success: (email: string) => `U kunt nu inloggen met ${email} en uw nieuwe wachtwoord.`,
    signInLink: 'Naar inloggen',
  },
  passwordRules: {
    empty: 'Vul een nieuw wachtwoord in.',
    tooShort: 'Het wachtwoord is te kort: gebruik minstens 12 tekens.',
    repeatEmpty: 'Vul het nieuwe wachtwoord nog een keer in.',
    mismatch: 'De twee wachtwoorden zijn niet gelijk. Typ twee keer hetzelfde wachtwoord.',
  },
  account: {
    documentTitle: 'Mijn account',
    heading: 'Mijn account',
    name: 'Naam',
    email: 'E-mailadres',
    membershipsHeading: 'Organisaties en rollen',
    membershipsCaption: 'Uw organisaties en uw rol daarin',
    organisation: 'Organisatie',
    kind: 'Soort organisatie',
    role: 'Rol',
    noMemberships: 'U bent nog geen lid van een organisatie. Vraag de beheerder om u toe te voegen.',
    passwordHeading: 'Wachtwoord wijzigen',
    passwordIntro: 'Na het wijzigen bent u op andere apparaten afgemeld.',
    currentPassword: 'Huidig wachtwoord',
    currentEmpty: 'Vul uw huidige wachtwoord in.',
    passwordSubmit: 'Wachtwoord wijzigen',
    passwordChanged: 'Uw wachtwoord is gewijzigd. Op andere apparaten bent u afgemeld.',
    signOutHeading: 'Afmelden',
    signOutIntro:
      'Met “Overal afmelden” beëindigt u ook uw sessies op andere apparaten, bijvoorbeeld als u op een andere computer vergat af te melden.',
    signOut: 'Afmelden',
    signOutEverywhere: 'Overal afmelden',
    signOutFailed: 'Afmelden is mislukt. Probeer het opnieuw.',
  },
  admin: {
    documentTitle: 'Beheer',
    heading: 'Beheer',
    intro:
      'Beheer de organisaties en gebruikers van deze Ketenzicht-installatie, bekijk het auditlog en pas de instellingen aan.',
    breadcrumbLabel: 'Kruimelpad',
    sections: {
      organisations: {
        title: 'Organisaties',
        description: 'Gemeenten, Veilig Thuis-organisaties en andere ketenpartners, met hun gebied en leden.',
      },
      users: {
        title: 'Gebruikers',
        description:
          'Accounts toevoegen, uitschakelen, rollen geven en eenmalige links om een wachtwoord in te stellen.',
      },
      audit: {
        title: 'Auditlog',
        description: 'Wie wat deed en wanneer: inloggen, wijzigingen en het raadplegen van het log.',
      },
      settings: {
        title: 'Instellingen',
        description: 'Of de gepubliceerde cijfers openbaar zijn of alleen na inloggen te zien.',
      },
    },
    yes: 'Ja',
    no: 'Nee',
    none: '–',
    active: 'Actief',
    disabled: 'Uitgeschakeld',
  },
  organisations: {
    documentTitle: 'Organisaties',
    heading: 'Organisaties',
    loadWhat: 'de organisaties',
    loadOneWhat: 'deze organisatie',
    areasLoadWhat: 'de lijst met gebieden',
    caption: (count: number) => (count === 1 ? '1 organisatie' : `${count} organisaties`),
    empty: 'Er zijn nog geen organisaties.',
    name: 'Naam',
    kind: 'Soort organisatie',
    kindChoose: 'Kies een soort',
    area: 'Gebied',
    centre: 'Centrumgemeente',
    members: 'Leden',
    nameDescription: 'Zoals de organisatie zichzelf noemt, bijvoorbeeld “Gemeente Utrecht”.',
    areaGemeente: 'Gemeente',
    areaRegion: 'Veilig Thuis-regio',
    areaChooseGemeente: 'Kies een gemeente',
    areaChooseRegion: 'Kies een regio',
    areaDescriptionGemeente: 'De gemeente waar deze organisatie werkt.',
    areaDescriptionRegion: 'De Veilig Thuis-regio waar deze organisatie werkt.',
    areaOption: (name: string, code: string) => `${name} (${code})`,
    centreLabel: 'Deze gemeente is centrumgemeente',
    centreDescription: 'Een centrumgemeente coördineert de aanpak in haar Veilig Thuis-regio.',
    kindEmpty: 'Kies de soort organisatie.',
    nameEmpty: 'Vul de naam van de organisatie in.',
    areaEmpty: (level: 'gemeente' | 'veiligthuisregio') =>
      level === 'gemeente'
        ? 'Kies de gemeente van deze organisatie.'
        : 'Kies de Veilig Thuis-regio van deze organisatie.',
    addHeading: 'Organisatie toevoegen',
    add: 'Organisatie toevoegen',
    added: (name: string) => `Organisatie “${name}” is toegevoegd.`,
    editHeading: 'Gegevens wijzigen',
    save: 'Wijzigingen opslaan',
    saved: 'De wijzigingen zijn opgeslagen.',
    createdAt: 'Toegevoegd op',
    membersHeading: 'Leden',
    membersCaption: (name: string, count: number) =>
      count === 1 ? `1 lid van ${name}` : `${count} leden van ${name}`,
    noMembers: 'Deze organisatie heeft nog geen leden.',
    membersHint: 'Iemand lid maken of een rol wijzigen doet u op de pagina van die gebruiker.',
    memberName: 'Naam',
    memberEmail: 'E-mailadres',
    memberRole: 'Rol',
    memberStatus: 'Status',
  },
  users: {
    documentTitle: 'Gebruikers',
    heading: 'Gebruikers',
    loadWhat: 'de gebruikers',
    loadOneWhat: 'deze gebruiker',
    caption: (count: number) => (count === 1 ? '1 gebruiker' : `${count} gebruikers`),
    empty: 'Er zijn nog geen gebruikers.',
    name: 'Naam',
    email: 'E-mailadres',
    memberships: 'Organisaties en rollen',
    membership: (organisation: string, role: string) => `${organisation}: ${role}`,
    signInMethod: 'Inloggen',
    status: 'Status',
    hasPassword: 'Met wachtwoord',
    oidcLinked: 'Via eigen organisatie',
    passwordAndOidc: 'Met wachtwoord en via eigen organisatie',
    noPasswordYet: 'Nog geen wachtwoord ingesteld',
    addHeading: 'Gebruiker toevoegen',
    addIntro:
      'Na het toevoegen krijgt u een eenmalige link waarmee de gebruiker zelf een wachtwoord instelt. Ketenzicht verstuurt geen e-mail: u geeft de link zelf door.',
    displayName: 'Naam',
    displayNameDescription: 'Voornaam en achternaam, zoals collega’s de persoon kennen.',
    emailDescription: 'Het zakelijke e-mailadres; de gebruiker logt hiermee in.',
    organisation: 'Organisatie (niet verplicht)',
    organisationNone: 'Geen organisatie',
    role: 'Rol (niet verplicht)',
    roleNone: 'Geen rol',
    organisationRoleDescription:
      'Kies een organisatie en een rol samen, of laat beide leeg en voeg het lidmaatschap later toe.',
    emailEmpty: 'Vul het e-mailadres in.',
    displayNameEmpty: 'Vul de naam in.',
    roleMissing: 'Kies ook de rol bij deze organisatie, of kies “Geen organisatie”.',
    organisationMissing: 'Kies ook de organisatie bij deze rol, of kies “Geen rol”.',
    add: 'Gebruiker toevoegen',
    added: (name: string) => `Gebruiker “${name}” is toegevoegd.`,
    createdAt: 'Toegevoegd op',
    nameHeading: 'Naam wijzigen',
    saveName: 'Naam opslaan',
    nameSaved: 'De naam is opgeslagen.',
    statusHeading: 'Account in- of uitschakelen',
    disableIntro:
      'Een uitgeschakelde gebruiker kan niet meer inloggen en wordt meteen op alle apparaten afgemeld. U kunt het account later weer inschakelen.',
    enableIntro: 'Dit account is uitgeschakeld. Na inschakelen kan de gebruiker weer inloggen.',
    disable: 'Account uitschakelen',
    enable: 'Account inschakelen',
    disabledDone: 'Het account is uitgeschakeld.',
    enabledDone: 'Het account is weer ingeschakeld.',
    membershipsHeading: 'Organisaties en rollen',
    membershipsCaption: (name: string) => `Lidmaatschappen van ${name}`,
    noMemberships: 'Deze gebruiker is nog geen lid van een organisatie.',
    roleFor: (organisation: string) => `Rol bij ${organisation}`,
    changeRole: 'Rol wijzigen',
    remove: 'Verwijderen',
    actions: 'Acties',
    addMembershipHeading: 'Lidmaatschap toevoegen',
    addMembership: 'Lidmaatschap toevoegen',
    membershipOrganisation: 'Organisatie',
    membershipOrganisationChoose: 'Kies een organisatie',
    membershipRole: 'Rol',
    membershipRoleChoose: 'Kies een rol',
    membershipOrganisationEmpty: 'Kies de organisatie.',
    membershipRoleEmpty: 'Kies de rol.',
    allOrganisationsTaken: 'Deze gebruiker is al lid van alle organisaties.',
    membershipAdded: (organisation: string, role: string) =>
      `De gebruiker is nu lid van ${organisation} met de rol ${role}.`,
    roleChanged: (organisation: string, role: string) => `De rol bij ${organisation} is nu ${role}.`,
    membershipRemoved: (organisation: string) => `De gebruiker is geen lid meer van ${organisation}.`,
    linkHeading: 'Wachtwoordlink',
    linkIntro:
      'Is de gebruiker het wachtwoord vergeten, of is de eerste link verlopen? Maak dan een nieuwe eenmalige link. Eerdere links werken daarna niet meer.',
    newLink: 'Nieuwe wachtwoordlink',
  },
  passwordLink: {
    heading: (name: string) => `Eenmalige link voor ${name}`,
    intro:
      'Geef deze link persoonlijk of via een vertrouwd kanaal aan de gebruiker. Met de link stelt de gebruiker zelf een wachtwoord in.',
    once: 'De link werkt één keer en is 72 uur geldig. Ketenzicht toont de link alleen nu: is hij kwijt of verlopen, maak dan op de pagina van de gebruiker een nieuwe link.',
    linkLabel: 'Link om een wachtwoord in te stellen',
    validUntil: (dateTime: string) => `Geldig tot ${dateTime}.`,
    copy: 'Kopieer link',
    copied: 'De link is gekopieerd.',
    copyFailed: 'Kopiëren is niet gelukt. Selecteer de link en kopieer hem zelf.',
  },
  audit: {
    documentTitle: 'Auditlog',
    heading: 'Auditlog',
    intro:
      'Het auditlog legt vast wie wat deed, wanneer en vanaf welk adres: inloggen, wijzigingen van organisaties, gebruikers en instellingen, en het raadplegen van dit log. Niemand kan regels wijzigen of verwijderen.',
    loadWhat: 'het auditlog',
    filtersHeading: 'Zoeken in het auditlog',
    from: 'Vanaf datum',
    to: 'Tot en met datum',
    action: 'Actie',
    allActions: 'Alle acties',
    actor: 'Door wie',
    actorDescription: 'Een e-mailadres of een deel ervan.',
    result: 'Resultaat',
    allResults: 'Alle resultaten',
    objectType: 'Soort object',
    allObjectTypes: 'Alle soorten',
    objectId: 'Object-id',
    search: 'Zoeken',
    clear: 'Filters wissen',
    caption: (first: string, last: string, total: string) =>
      `Regel ${first} tot en met ${last} van ${total}, de nieuwste eerst`,
    captionEmpty: 'Geen regels gevonden',
    resultCount: (total: number, formatted: string) =>
      total === 1 ? '1 regel gevonden.' : `${formatted} regels gevonden.`,
    updating: 'Bezig met zoeken…',
    noEntries: 'Er zijn geen regels die aan de filters voldoen.',
    at: 'Tijdstip',
    object: 'Object',
    origin: 'Herkomst',
    details: 'Details',
    paginationLabel: 'Pagina’s van het auditlog',
    previous: 'Vorige pagina',
    next: 'Volgende pagina',
    pageOf: (page: number, count: number) => `Pagina ${page} van ${count}`,
    exportLink: 'Exporteer als CSV',
    exportDescription:
      'Alle regels die aan de filters voldoen, niet alleen deze pagina; gescheiden door puntkomma’s, te openen in een spreadsheet.',
    results: { success: 'Gelukt', denied: 'Geweigerd', failure: 'Mislukt' },
    objectTypes: {
      user: 'Gebruiker',
      organisation: 'Organisatie',
      settings: 'Instellingen',
      municipal_merger: 'Herindeling',
    } as Record<string, string>,
    actions: {
      'auth.sign_in': 'Inloggen',
      'auth.sign_out': 'Afmelden',
      'auth.sign_out_everywhere': 'Overal afmelden',
      'auth.change_password': 'Wachtwoord wijzigen',
      'auth.set_password': 'Wachtwoord instellen met link',
      'user.create': 'Gebruiker toevoegen',
      'user.update': 'Gebruiker wijzigen',
      'user.issue_password_link': 'Wachtwoordlink maken',
      'user.link_oidc': 'Koppelen aan organisatie-login',
      'membership.create': 'Lidmaatschap toevoegen',
      'membership.update': 'Rol wijzigen',
      'membership.delete': 'Lidmaatschap beëindigen',
      'organisation.create': 'Organisatie toevoegen',
      'organisation.update': 'Organisatie wijzigen',
      'settings.update': 'Instellingen wijzigen',
      'audit.search': 'Auditlog doorzoeken',
      'audit.export': 'Auditlog exporteren',
      'mergers.import': 'Herindelingen importeren',
      'access.denied': 'Toegang geweigerd',
      'system.restore': 'Back-up teruggezet',
    } as Record<string, string>,
  },
  settings: {
    documentTitle: 'Instellingen',
    heading: 'Instellingen',
    loadWhat: 'de instellingen',
    figuresPublic: 'Gepubliceerde cijfers zijn openbaar (zonder inloggen)',
    figuresPublicDescription:
      'Staat dit aan, dan ziet iedereen de gepubliceerde cijfers, de kaart en de pagina’s van gebieden. Staat het uit, dan moeten bezoekers eerst inloggen.',
    save: 'Instellingen opslaan',
    saved: 'De instellingen zijn opgeslagen.',
  },
  indicators: {
    documentTitle: 'Indicatoren',
    heading: 'Indicatoren',
    intro: [
      'Dit zijn de indicatoren van Ketenzicht: wat er wordt gemeten, door wie, in welke eenheid en per welke periode. Afgeleide indicatoren, zoals meldingen per 1.000 inwoners, slaat Ketenzicht niet op maar berekent het bij het tonen uit twee andere indicatoren.',
      'Optelbare indicatoren telt Ketenzicht op van maanden, kwartalen of halfjaren naar een jaar, en van gemeenten naar regio, provincie en Nederland, als de bron dat cijfer niet zelf levert.',
    ],
    contentsLabel: 'Inhoud van deze pagina',
    loadWhat: 'de indicatoren',
    signInNeeded: 'De cijfers van deze installatie zijn alleen te zien na inloggen.',
    signInLink: 'Inloggen',
    count: (count: number) => (count === 1 ? '1 indicator' : `${count} indicatoren`),
    code: 'Code',
    definition: 'Definitie',
    unit: 'Eenheid',
    periodTypes: 'Perioden',
    additive: 'Optelbaar',
    additiveYes: 'Ja: optelbaar over perioden en gebieden',
    additiveNo: 'Nee: een gemiddelde, percentage of verhouding telt niet op',
    higherIsBetter: 'Hoger is beter',
    higherYes: 'Ja, hoger is beter',
    higherNo: 'Nee, lager is beter',
    higherNeither: 'Geen vaste richting',
    breakdowns: 'Uitsplitsingen',
    noBreakdowns: 'Geen',
    formula: 'Berekening',
    origin: 'Herkomst',
    originShipped: 'Meegeleverd met Ketenzicht',
    originAdmin: 'Toegevoegd door een beheerder',
    figuresLink: (name: string) => `Cijfers van ${name}`,
    dimensionsHeading: 'Uitsplitsingen',
    dimensionsIntro:
      'Een uitsplitsing verdeelt een cijfer in delen, bijvoorbeeld meldingen naar aard van het geweld. Een leeg vak in een bestand betekent: het totaal over die uitsplitsing.',
    dimensionValues: (name: string) => `Waarden van ${name}`,
    units: { aantal: 'Aantal', percentage: 'Percentage', dagen: 'Dagen', euro: 'Euro' },
    perThousand: (denominator: string) => `Aantal per 1.000 ${denominator}`,
    formulaPerThousand: (name: string, numerator: string, denominator: string) =>
      `${name} = ${numerator} ÷ ${denominator} × 1.000`,
    formulaPercentage: (name: string, numerator: string, denominator: string) =>
      `${name} = ${numerator} ÷ ${denominator} × 100%`,
    formulaKinds: { 'per-1000': 'Per 1.000', percentage: 'Percentage' },
    // The form for beheerders
    addHeading: 'Indicator toevoegen',
    addIntro:
      'Voeg een indicator toe die niet met Ketenzicht is meegeleverd, bijvoorbeeld een eigen cijfer van uw gemeente. Daarna kunt u er cijfers voor importeren. Een indicator verwijderen of wijzigen kan hier niet.',
    fieldCode: 'Code',
    fieldCodeDescription:
      'Unieke code in kleine letters, cijfers en _, beginnend met een letter, bijvoorbeeld wijkteam_casussen. Dit is de naam in importbestanden en in de API.',
    fieldName: 'Naam',
    fieldNameDescription: 'Zoals gebruikers de indicator zien, bijvoorbeeld “Casussen wijkteam”.',
    fieldDefinition: 'Definitie',
    fieldDefinitionDescription: 'Wat er precies wordt geteld of gemeten, en waar het cijfer vandaan komt.',
    fieldSource: 'Bron',
    fieldSourceChoose: 'Kies een bron',
    fieldUnit: 'Eenheid',
    fieldUnitChoose: 'Kies een eenheid',
    fieldPeriodTypes: 'Perioden waarvoor cijfers komen',
    fieldPeriodTypesDescription: 'Kies er minstens één.',
    fieldAggregation: 'Optelbaar',
    fieldAggregationSum: 'Ja: optelbaar over perioden en gebieden (aantallen)',
    fieldAggregationNone: 'Nee: niet optelbaar (gemiddelden, percentages, wachttijden)',
    fieldHigherIsBetter: 'Richting',
    fieldHigherIsBetterDescription:
      'Of een hoger cijfer beter is; bij veel aantallen is er geen vaste richting.',
    fieldHigherNeither: 'Geen vaste richting',
    fieldHigherYes: 'Hoger is beter',
    fieldHigherNo: 'Lager is beter',
    fieldBreakdowns: 'Uitsplitsingen',
    fieldBreakdownsDescription: 'Naar welke uitsplitsingen cijfers kunnen komen; geen is ook goed.',
    fieldFormulaKind: 'Berekening',
    fieldFormulaKindDescription:
      'Alleen voor een afgeleide indicator, die Ketenzicht uit twee optelbare indicatoren berekent. Een afgeleide indicator is niet optelbaar; per 1.000 heeft eenheid aantal, een percentage eenheid percentage.',
    fieldFormulaNone: 'Geen: cijfers worden geïmporteerd',
    fieldFormulaPerThousand: 'Per 1.000: teller ÷ noemer × 1.000',
    fieldFormulaPercentage: 'Percentage: teller ÷ noemer × 100',
    fieldNumerator: 'Teller',
    fieldDenominator: 'Noemer',
    fieldIndicatorChoose: 'Kies een indicator',
    codeInvalid:
      'Vul een code in van kleine letters, cijfers en _, beginnend met een letter, van 2 tot 63 tekens.',
    codeTaken: (code: string) => `Er is al een indicator met de code ${code}. Kies een andere code.`,
    nameEmpty: 'Vul de naam in.',
    definitionEmpty: 'Vul de definitie in.',
    sourceEmpty: 'Kies de bron.',
    unitEmpty: 'Kies de eenheid.',
    periodTypesEmpty: 'Kies minstens één periode.',
    numeratorEmpty: 'Kies de teller.',
    denominatorEmpty: 'Kies de noemer.',
    submit: 'Indicator toevoegen',
    added: (name: string, code: string) => `De indicator ${name} (${code}) is toegevoegd.`,
  },
  figures: {
    documentTitle: 'Cijfers',
    heading: 'Cijfers',
    intro:
      'Bekijk de cijfers van één indicator voor alle gemeenten, regio’s of provincies, of voor Nederland. Ontbreekt een cijfer voor een regio of jaar, dan telt Ketenzicht het op uit de gemeenten of de kortere perioden; ontbreekt daarbij een deel, dan staat er “onvolledig”: een ontbrekende maand telt niet als nul.',
    catalogueLink: 'Wat betekenen de indicatoren?',
    loadWhat: 'de cijfers',
    controlsHeading: 'Wat wilt u zien?',
    indicator: 'Indicator',
    level: 'Niveau',
    levels: {
      gemeente: 'Gemeenten',
      veiligthuisregio: "Veilig Thuis-regio's",
      provincie: 'Provincies',
      land: 'Nederland',
    },
    levelSingular: {
      gemeente: 'per gemeente',
      veiligthuisregio: 'per Veilig Thuis-regio',
      provincie: 'per provincie',
      land: 'voor Nederland',
    },
    period: 'Periode',
    periodDescription: 'Perioden met cijfers, de nieuwste eerst.',
    periodsLoading: 'Bezig met laden…',
    noPeriods: 'Geen perioden met cijfers',
    breakdown: 'Uitsplitsing',
    breakdownNone: 'Geen: alleen het totaal',
    asOf: 'Cijfers zoals bekend op',
    asOfDescription:
      'Leeg: de nieuwste cijfers. Met een datum ziet u de cijfers zoals Ketenzicht ze aan het eind van die dag kende, vóór latere correcties.',
    show: 'Cijfers tonen',
    reset: 'Terug naar de nieuwste cijfers',
    updating: 'Bezig met bijwerken…',
    unknownIndicator: (code: string) => `Indicator “${code}” bestaat niet. Kies een indicator uit de lijst.`,
    noIndicators: 'Er zijn nog geen indicatoren.',
    noFiguresHeading: 'Nog geen cijfers',
    noFigures: (name: string) => `Voor ${name} zijn nog geen cijfers in Ketenzicht.`,
    noFiguresHow:
      'Cijfers komen in Ketenzicht met een import. Een beheerder of aanleverancier importeert een bestand op de pagina',
    importLink: 'Cijfers importeren',
    noFiguresDemo:
      'Om Ketenzicht uit te proberen laadt de beheerder van de server synthetische demogegevens met:',
    demoCommand: 'npx ketenzicht demo',
    demoNotice: 'Let op: demogegevens zijn synthetisch',
    demoNoticeBody:
      'In deze installatie zijn demogegevens geïmporteerd (demo-synthetisch.csv). Die cijfers zijn verzonnen en zeggen niets over echte gemeenten.',
    noAreas: (level: string, period: string) =>
      `Er zijn geen ${level} in ${period} in Ketenzicht. Kies een ander niveau of een andere periode.`,
    caption: (indicator: string, unit: string, level: string, period: string) =>
      `${indicator} (${unit}) ${level}, ${period}`,
    captionBreakdown: (dimension: string) => `, naar ${dimension.toLocaleLowerCase('nl-NL')}`,
    captionAsOf: (date: string) => `, zoals bekend op ${date}`,
    area: 'Gebied',
    value: 'Waarde',
    status: 'Status',
    origin: 'Herkomst',
    note: 'Toelichting',
    versions: 'Versies',
    versionsOf: (area: string) => ` van ${area}`,
    total: 'Totaal',
    statuses: { voorlopig: 'voorlopig', definitief: 'definitief' },
    origins: { geleverd: 'geleverd', opgeteld: 'opgeteld', berekend: 'berekend' },
    noValue: 'geen cijfer',
    unknownValue: 'onbekend',
    provisionalMark: '*',
    provisionalHidden: ' (voorlopig)',
    incomplete: (parts: string) => `onvolledig: ontbreekt voor ${parts}`,
    andOthers: (shown: string, more: number) => `${shown} en ${more} andere`,
    differs: (sum: string) => `geleverd cijfer wijkt af van de som van de gemeenten (som: ${sum})`,
    legendHeading: 'Zo leest u de tabel',
    legend: [
      'Geleverd: het cijfer zoals de bron het aanleverde.',
      'Opgeteld: de som van kortere perioden (maanden, kwartalen of halfjaren) of van de gemeenten.',
      'Berekend: een afgeleide indicator, berekend met de formule hierboven.',
      'Voorlopig: de bron kan het cijfer nog corrigeren. Een opgeteld cijfer is voorlopig als een deel voorlopig is.',
    ],
    legendProvisional: '* voorlopig cijfer',
    versionsNote:
      'Versies zijn er van geleverde cijfers. Een opgeteld cijfer heeft geen eigen versies: kies een kortere periode om de versies van de delen te zien.',
    download: 'Download CSV',
    downloadDescription: 'Dezelfde cijfers als bestand voor Excel (puntkomma-gescheiden, UTF-8).',
    sortBy: (column: string) => `Sorteer op ${column}`,
  },
  figureVersions: {
    documentTitle: 'Versies van een cijfer',
    heading: 'Versies van een cijfer',
    intro:
      'Ketenzicht overschrijft geen cijfers. Een correctie wordt een nieuwe versie; de oude blijft bewaard, zodat u kunt zien wat er wanneer bekend was.',
    invalidLink: 'Deze link is onvolledig. Kies een cijfer op de pagina Cijfers.',
    loadWhat: 'de versies',
    back: 'Terug naar de cijfers',
    indicator: 'Indicator',
    area: 'Gebied',
    period: 'Periode',
    breakdown: 'Uitsplitsing',
    breakdownTotal: 'Totaal (geen uitsplitsing)',
    none: 'Van dit cijfer zijn geen versies: het is niet geleverd, maar opgeteld of berekend, of er is nog geen cijfer.',
    caption: (count: number) =>
      count === 1 ? '1 versie, de nieuwste eerst' : `${count} versies, de nieuwste eerst`,
    version: 'Versie',
    value: 'Waarde',
    status: 'Status',
    importId: 'Import',
    fileName: 'Bestand',
    actor: 'Door',
    recordedAt: 'Vastgelegd',
    supersededAt: 'Vervangen op',
    current: 'huidige versie',
    withdrawn: 'ingetrokken',
    undo: (id: number) => `${id} (ongedaan maken)`,
  },
} as const;

export type Texts = typeof texts;
