// SPDX-License-Identifier: EUPL-1.2
/**
 * The Dutch texts of /importeren (Cijfers importeren), kept apart from texts.ts so the page and its logic
 * (`lib/figures-import.ts`) share one typed source. Functions take already formatted values.
 */
import type { ColumnRole, ImportOutcome } from '../lib/figures-import.ts';

export const importTexts = {
  documentTitle: 'Cijfers importeren',
  heading: 'Cijfers importeren',
  navLink: 'Cijfers importeren',
  intro: [
    'Lever cijfers aan als bestand: het Ketenzicht-CSV-formaat (een cijfer per regel), een download van CBS StatLine (CSV of OData-JSON) of een Excel-werkblad (XLSX).',
    'Ketenzicht controleert het bestand eerst zonder iets te wijzigen. U ziet dan welke cijfers nieuw zijn en welke veranderen. Pas als u daarna “Importeren” kiest, worden de cijfers opgeslagen: alle regels of geen enkele. Een import kunt u later ongedaan maken.',
  ],
  noAccessHeading: 'Cijfers importeren',
  noAccessBody:
    'Cijfers importeren kan alleen een beheerder of een aanleverancier. U bent ingelogd, maar u hebt geen van beide rollen. Moet u cijfers aanleveren voor uw organisatie? Vraag dan de beheerder van Ketenzicht om de rol aanleverancier.',
  accountLink: 'Naar mijn account',

  // The form
  formHeading: 'Bestand controleren',
  fileLabel: 'Bestand met cijfers',
  fileDescription: (limit: string) => `Een CSV-, JSON- of XLSX-bestand van hoogstens ${limit}.`,
  dropZone: 'U kunt het bestand ook naar dit vak slepen.',
  dropZoneActive: 'Laat het bestand los om het te kiezen.',
  chosen: (name: string, size: string) => `Gekozen: ${name} (${size}).`,
  formatLabel: 'Formaat',
  formatDescription:
    'Meestal herkent Ketenzicht het formaat zelf. Kies het alleen als de herkenning niet klopt.',
  formatAuto: 'Automatisch herkennen',
  check: 'Controleren',
  fileMissing: 'Kies een bestand met cijfers.',
  fileEmpty: (name: string) => `${name} is leeg. Kies een bestand met cijfers.`,
  fileTooLarge: (name: string, limit: string) =>
    `${name} is groter dan ${limit}. Splits het bestand, bijvoorbeeld per jaar, en importeer de delen na elkaar.`,
  progressLabel: 'Voortgang van het versturen',
  uploading: (percent: string) => `Bestand wordt verstuurd: ${percent}.`,
  uploadingUnknown: 'Bestand wordt verstuurd…',
  processing: 'Bestand wordt gecontroleerd…',
  importing: 'Cijfers worden geïmporteerd…',

  // The report
  resultHeadingDryRun: 'Resultaat van de controle',
  resultHeadingImport: 'Resultaat van de import',
  outcomes: {
    proefimport: 'Het bestand is in orde. Er is nog niets gewijzigd.',
    geweigerd: 'Het bestand is geweigerd. Er is niets gewijzigd.',
    geimporteerd: 'De cijfers zijn geïmporteerd.',
    ongewijzigd: 'Er is niets veranderd: alle cijfers in het bestand stonden al zo in Ketenzicht.',
  } satisfies Record<ImportOutcome, string>,
  dryRunNext:
    'Bekijk hieronder wat er verandert. Klopt het, kies dan “Importeren”. Alle cijfers worden dan in één keer opgeslagen.',
  refusedNext:
    'Verbeter de fouten in het bestand en controleer het opnieuw. Ketenzicht importeert een bestand alleen als het helemaal in orde is.',
  refusedNextMapping:
    'Verbeter de fouten in het bestand, of geef hieronder bij “Indeling van de kolommen” aan hoe het in elkaar zit, en controleer het opnieuw. Ketenzicht importeert een bestand alleen als het helemaal in orde is.',
  nothingToImport: 'Er valt niets te importeren: alle cijfers in het bestand staan al zo in Ketenzicht.',
  imported: (id: string, added: string, changed: string) =>
    `Import ${id} is gelukt: ${added} nieuw, ${changed} gewijzigd. De importgeschiedenis is bijgewerkt.`,
  importedUnchanged: 'Er is niets geïmporteerd: alle cijfers in het bestand stonden al zo in Ketenzicht.',
  checked: (name: string) => `${name} is gecontroleerd. Er is nog niets gewijzigd.`,
  sameFileAs: (dateTime: string, id: string) =>
    `Dit bestand is al eerder geïmporteerd op ${dateTime} (import ${id}).`,
  refusedSummary: (name: string, count: number, formatted: string) =>
    count === 1
      ? `${name} is geweigerd: het bevat 1 fout. Er is niets gewijzigd. Bekijk de fout in de tabel “Problemen in het bestand”.`
      : `${name} is geweigerd: het bevat ${formatted} fouten. Er is niets gewijzigd. Bekijk de fouten in de tabel “Problemen in het bestand”.`,
  mappingSummary:
    'Kies bij “Indeling van de kolommen” hoe het werkblad in elkaar zit, en controleer het bestand opnieuw.',

  factsHeading: 'Over het bestand',
  fileName: 'Bestand',
  format: 'Formaat',
  encoding: 'Tekenset',
  delimiter: 'Scheidingsteken',
  size: 'Grootte',
  cbsTable: 'CBS-tabel',
  skipped: 'Overgeslagen cellen (“.”: onbekend of geheim)',
  delimiters: { ';': 'puntkomma (;)', ',': 'komma (,)', '\t': 'tab' } as Record<string, string>,
  encodings: { 'utf-8': 'UTF-8', 'utf-8 met BOM': 'UTF-8 met BOM', 'windows-1252': 'Windows-1252' } as Record<
    string,
    string
  >,
  countsHeading: 'Tellingen',
  rowsRead: 'Gelezen cijfers',
  errors: 'Fouten',
  warnings: 'Waarschuwingen',
  stoppedEarly: (count: string) =>
    `Het lezen is gestopt na ${count} fouten. Verbeter eerst deze fouten; daarna volgen er misschien meer.`,

  // Problems
  problemsHeading: 'Problemen in het bestand',
  problemsIntro:
    'Regel 1 is de kopregel. Een fout houdt de import tegen; een waarschuwing niet, maar kijk of het cijfer klopt.',
  problemsCaption: (name: string, count: number, formatted: string) =>
    count === 1 ? `1 probleem in ${name}` : `${formatted} problemen in ${name}`,
  problemsTruncated: (shown: string, total: string) =>
    `De tabel toont de eerste ${shown} van ${total} problemen.`,
  severityColumn: 'Soort',
  rowColumn: 'Regel',
  columnColumn: 'Kolom',
  valueColumn: 'Waarde',
  messageColumn: 'Melding',
  severities: { fout: 'Fout', waarschuwing: 'Waarschuwing' },
  wholeFile: 'hele bestand',
  noColumn: '–',
  emptyValue: '(leeg)',

  // Diff
  diffHeading: 'Wat er verandert',
  added: 'Nieuw',
  changed: 'Gewijzigd',
  unchanged: 'Ongewijzigd',
  changesCaption: (count: number, formatted: string) =>
    count === 1 ? '1 cijfer dat nieuw is of verandert' : `${formatted} cijfers die nieuw zijn of veranderen`,
  changesTruncated: (shown: string) =>
    `De tabel toont er ${shown}: de eerste 200 gewijzigde en de eerste 200 nieuwe cijfers.`,
  noChanges: 'Geen enkel cijfer is nieuw of verandert.',
  changeColumn: 'Wijziging',
  indicatorColumn: 'Indicator',
  areaColumn: 'Gebied',
  periodColumn: 'Periode',
  breakdownColumn: 'Uitsplitsing',
  oldColumn: 'Oud',
  newColumn: 'Nieuw',
  changeKinds: { added: 'nieuw', changed: 'gewijzigd' },
  total: 'totaal',
  valueWithStatus: (value: string, status: string) => `${value} (${status})`,
  noOldValue: '–',
  import: 'Importeren',
  importIntro: (added: string, changed: string) =>
    `Kies “Importeren” om ${added} nieuwe en ${changed} gewijzigde cijfers op te slaan.`,

  // Column mapping
  mappingHeading: 'Indeling van de kolommen',
  mappingDetected: 'Zo heeft Ketenzicht de kolommen van het bestand gelezen:',
  mappingUnknown:
    'Ketenzicht kon de indeling van het bestand niet vaststellen. Geef hieronder aan hoe het in elkaar zit.',
  mappingHeaders: (headers: string) => `Kolommen in de kopregel: ${headers}.`,
  mappingEditIntro:
    'Klopt dit niet, of ontbreekt er iets? Pas de indeling aan en controleer het bestand opnieuw.',
  mappingEditIntroUnknown: 'Geef aan hoe het bestand in elkaar zit en controleer het opnieuw.',
  layoutLabel: 'Opbouw van het werkblad',
  layoutAuto: 'Automatisch herkennen',
  layouts: {
    long: 'Lang: één cijfer per regel',
    wide: 'Breed: perioden als kolommen',
  },
  layoutDescription:
    'Lang: elke regel heeft een indicator, gebied, periode en waarde. Breed: elke regel is een gebied, elke kolom een periode (2023, 2024KW01, …).',
  layoutDetected: (layout: string) => `Herkend: ${layout}`,
  indicatorLabel: 'Indicator van de cijfers in dit werkblad',
  indicatorDescription:
    'Alle cijfers in het werkblad horen bij deze indicator. Berekende indicatoren staan er niet bij: lever de twee onderdelen aan.',
  indicatorChoose: 'Kies een indicator',
  indicatorFromColumn: (column: string) => `Uit de kolom “${column}”`,
  indicatorOption: (name: string, code: string) => `${name} (${code})`,
  indicatorMissing: 'Kies de indicator waar de cijfers in dit werkblad bij horen.',
  indicatorsLoadError: 'De lijst met indicatoren kon niet worden geladen. Probeer het later opnieuw.',
  areaColumnLabel: 'Kolom met de gebiedscodes',
  columnLabel: (role: string) => `Kolom met ${role}`,
  columnDefault: 'Standaard (herkend aan de naam)',
  columnOption: (header: string) => `“${header}”`,
  columnTextDescription: 'De naam van de kolom zoals in de kopregel; leeg: herkend aan de standaardnaam.',
  roles: {
    indicator: 'de indicator',
    area: 'het gebied',
    period: 'de periode',
    value: 'de waarde',
    status: 'de status',
  } satisfies Record<ColumnRole, string>,
  roleNames: {
    indicator: 'Indicator',
    area: 'Gebied',
    period: 'Periode',
    value: 'Waarde',
    status: 'Status',
  } satisfies Record<ColumnRole, string>,
  mappingLayoutRow: 'Opbouw',
  mappingIndicatorRow: 'Indicator (voor het hele werkblad)',
  mappingColumnValue: (column: string) => `kolom “${column}”`,
  mappingNone: 'Geen bijzondere indeling: de kolommen zijn herkend aan hun naam.',
  recheck: 'Opnieuw controleren met deze indeling',

  // History
  historyHeading: 'Importgeschiedenis',
  historyLoadWhat: 'de importgeschiedenis',
  historyEmpty: 'Er zijn nog geen imports.',
  historyCaption: (shown: number, total: number, formattedShown: string, formattedTotal: string) =>
    shown === total
      ? total === 1
        ? '1 import'
        : `Alle ${formattedTotal} imports, de nieuwste eerst`
      : `De nieuwste ${formattedShown} van ${formattedTotal} imports`,
  idColumn: 'Nr.',
  atColumn: 'Moment',
  fileColumn: 'Bestand',
  byColumn: 'Door',
  addedColumn: 'Nieuw',
  changedColumn: 'Gewijzigd',
  statusColumn: 'Status',
  actionsColumn: 'Actie',
  statusImported: 'geïmporteerd',
  statusUndone: (id: string) => `ongedaan gemaakt door ${id}`,
  statusUndo: (id: string) => `maakt import ${id} ongedaan`,
  undo: 'Ongedaan maken',
  undoFor: (id: string) => ` (import ${id})`,
  undoConfirmHeading: (id: string) => `Import ${id} ongedaan maken?`,
  undoConfirmBody: (fileName: string) =>
    `De cijfers uit ${fileName} worden teruggezet zoals ze vóór deze import waren. Cijfers die deze import toevoegde, worden ingetrokken. De import blijft in de geschiedenis staan.`,
  undoConfirm: 'Ja, ongedaan maken',
  undoCancel: 'Annuleren',
  figures: (count: number, formatted: string) => (count === 1 ? '1 cijfer' : `${formatted} cijfers`),
  undone: (id: string, restored: string, withdrawn: string) =>
    `Import ${id} is ongedaan gemaakt: ${restored} teruggezet naar de waarde van daarvoor, ${withdrawn} ingetrokken.`,
};

export type ImportTexts = typeof importTexts;
