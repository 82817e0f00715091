// SPDX-License-Identifier: EUPL-1.2
import '../import-page.css';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Code,
  DataList,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import {
  CASE_EVENT_KINDS,
  CASE_EVENT_LABELS,
  CASES_UPLOAD_LIMIT,
  type CaseCsvColumn,
  EVENT_FIELDS,
} from '../../../../src/shared/cases.ts';
import { type CaseImportReport, casesApi, invalidateCases } from '../../api/cases-queries.ts';
import type { SessionUser } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Fact } from '../../components/fact.tsx';
import {
  ErrorSummary,
  FileField,
  SelectField,
  StatusMessage,
  SubmitButton,
  useFormErrors,
} from '../../components/form.tsx';
import { RequireSignedIn } from '../../components/session.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import {
  checkCaseFile,
  csvColumnRows,
  maySupplyCases,
  type OrganisationOption,
  personalDataText,
  supplierOptions,
} from '../../lib/case-pages.ts';
import { formatFileSize } from '../../lib/figures-import.ts';
import { errorOf, errorsFromFailure } from '../../lib/form-errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { uploadFileName } from '../../lib/merger-upload.ts';
import { CaseImportHistory } from './case-import-history.tsx';

const t = {
  title: 'Casussen aanleveren',
  intro: [
    'Lever casussen aan als CSV-bestand uit het registratiesysteem van uw organisatie (Veilig Thuis of een lokaal team): één regel per gebeurtenis, zoals een melding, een overdracht of een vervolgmeting.',
    'De casusnummers en huishoudnummers van uw systeem worden bij binnenkomst vervangen door een pseudoniem (een versleutelde code). De oorspronkelijke nummers slaat Ketenzicht nooit op. Hetzelfde huishoudnummer krijgt altijd hetzelfde pseudoniem, zodat een nieuwe melding aan eerdere casussen van het huishouden koppelt.',
    'Een bestand met persoonsgegevens wordt geweigerd: namen, BSN, geboortedatums, adressen, postcodes met huisnummer, telefoonnummers en e-mailadressen. Ketenzicht zegt dan in welke kolom en op welke rij het die vond, zonder de gegevens zelf te herhalen.',
    'Ketenzicht controleert het bestand eerst zonder iets op te slaan. Pas als u daarna “Importeren” kiest, worden de casussen opgeslagen: alle casussen of geen enkele.',
  ],
  noAccessBody:
    'Casussen aanleveren kan alleen een aanleverancier (of casusregie) van een Veilig Thuis-organisatie of lokaal team, of een beheerder. U bent ingelogd, maar u hebt geen van deze rollen. Vraag de beheerder van Ketenzicht om de rol als u casussen moet aanleveren.',
  accountLink: 'Naar mijn account',
  registerLink: 'Naar het casusregister',
  formHeading: 'Bestand controleren',
  fileField: 'file',
  supplierField: 'supplier',
  fileLabel: 'CSV-bestand met casussen',
  fileDescription: (limit: string) =>
    `Een CSV-bestand van hoogstens ${limit}, gescheiden door komma’s of puntkomma’s, met de kolommen hieronder.`,
  chosen: (name: string, size: string) => `Gekozen: ${name} (${size}).`,
  supplierLabel: 'Aanleverende organisatie',
  supplierDescription: 'U levert aan voor meer dan één organisatie. Kies voor welke.',
  supplierChoose: 'Kies een organisatie',
  supplierMissing: 'Kies voor welke organisatie u aanlevert.',
  check: 'Controleren',
  checking: 'Het bestand wordt verstuurd en gecontroleerd…',
  importing: 'De casussen worden geïmporteerd…',
  sendFailed: 'Het versturen is mislukt. Controleer de verbinding en probeer het opnieuw.',
  resultDryRun: 'Resultaat van de controle',
  resultImport: 'Resultaat van de import',
  outcomes: {
    geweigerd: 'Het bestand is geweigerd. Er is niets opgeslagen.',
    proefimport: 'Het bestand is in orde. Er is nog niets opgeslagen.',
    geimporteerd: 'De casussen zijn geïmporteerd.',
    ongewijzigd: 'Er is niets veranderd: alle casussen in het bestand stonden al zo in Ketenzicht.',
  } satisfies Record<CaseImportReport['outcome'], string>,
  importedAs: (id: number) => `De casussen zijn geïmporteerd (import ${formatNumber(id)}).`,
  refusedNext:
    'Verbeter het bestand in uw eigen systeem of spreadsheet en controleer het opnieuw. Ketenzicht importeert een bestand alleen als het helemaal in orde is.',
  dryRunNext: 'Klopt dit? Kies dan “Importeren”. Alle casussen worden in één keer opgeslagen.',
  nothingToImport: 'Er valt niets te importeren: alle casussen in het bestand staan al zo in Ketenzicht.',
  checked: (name: string) => `${name} is gecontroleerd. Er is nog niets opgeslagen.`,
  refused: (name: string) => `${name} is geweigerd. Er is niets opgeslagen.`,
  personalHeading: 'Persoonsgegevens gevonden',
  personalIntro: 'Het bestand is geweigerd, want het bevat persoonsgegevens:',
  personalFix:
    'Haal deze gegevens uit het bestand. Gebruik als casus_id en huishouden_id de eigen nummers van uw systeem, nooit een BSN; zet er zo nodig een vast voorvoegsel voor, zoals “HH”. De gevonden waarden zijn niet opgeslagen en worden niet getoond.',
  countsHeading: 'Tellingen',
  counts: {
    file: 'Bestand',
    supplier: 'Aanleverende organisatie',
    rows: 'Gelezen regels',
    cases: 'Casussen',
    households: 'Huishoudens',
    errors: 'Fouten',
    warnings: 'Waarschuwingen',
    added: 'Nieuwe casussen',
    changed: 'Gewijzigde casussen',
    unchanged: 'Ongewijzigde casussen',
  },
  noSupplier: 'geen (beheerder)',
  problemsHeading: 'Problemen in het bestand',
  problemsIntro:
    'Rij 1 is de kopregel. Een fout houdt de import tegen; een waarschuwing niet, maar kijk of de gegevens kloppen.',
  problemsCaption: (name: string, count: number) =>
    count === 1 ? `1 probleem in ${name}` : `${formatNumber(count)} problemen in ${name}`,
  problemsTruncated: (shown: number, total: number) =>
    `De tabel toont de eerste ${formatNumber(shown)} van ${formatNumber(total)} problemen.`,
  severityColumn: 'Soort',
  rowColumn: 'Rij',
  columnColumn: 'Kolom',
  valueColumn: 'Waarde',
  messageColumn: 'Melding',
  severities: { fout: 'Fout', waarschuwing: 'Waarschuwing' },
  wholeFile: 'hele bestand',
  importIntro: (added: number, changed: number) =>
    `Kies “Importeren” om ${formatNumber(added)} nieuwe en ${formatNumber(changed)} gewijzigde casussen op te slaan.`,
  import: 'Importeren',
  formatHeading: 'Het formaat van het bestand',
  formatIntro: [
    'Eén regel per gebeurtenis, met een kopregel met de kolomnamen hieronder. Regels van dezelfde casus hebben hetzelfde casus_id; de volgorde van de regels maakt niet uit, de datum wel.',
    'Datums als 2024-03-31 of 31-03-2024. Meer soorten geweld in één cel scheidt u met een |, bijvoorbeeld kindermishandeling|partnergeweld. Kolommen die een gebeurtenis niet nodig heeft, blijven leeg.',
  ],
  columnsCaption: 'Kolommen van het bestand',
  columnHeader: 'Kolom',
  contentHeader: 'Inhoud',
  neededHeader: 'Nodig bij',
  allEvents: 'elke gebeurtenis',
  eventsCaption:
    'Gebeurtenissen en de kolommen die elk nodig heeft (naast casus_id, huishouden_id, gebeurtenis en datum)',
  eventHeader: 'Gebeurtenis (code)',
  meaningHeader: 'Betekenis',
  requiredHeader: 'Verplichte kolommen',
  noExtra: 'geen',
};

const COLUMN_TEXT: Record<CaseCsvColumn, string> = {
  casus_id: 'Het casusnummer in uw systeem (letters, cijfers, - . _ : /). Wordt gepseudonimiseerd.',
  huishouden_id: 'Het huishoudnummer in uw systeem, nooit een BSN. Wordt gepseudonimiseerd.',
  gebeurtenis: 'Wat er gebeurde: een van de codes in de tabel hieronder.',
  datum: 'De datum van de gebeurtenis.',
  gemeente: 'De woongemeente als CBS-code, bijvoorbeeld GM0363.',
  melder: 'De soort melder, als code (bijvoorbeeld justitie_veiligheid, onderwijs, niet_beroepsmatig).',
  aard_geweld: 'De soort(en) geweld, als code (bijvoorbeeld kindermishandeling, partnergeweld).',
  veiligheid: 'Uitkomst van de veiligheidsbeoordeling: acuut, structureel of geen.',
  besluit: 'Besluit over het vervolg: geen_vervolg, overdracht, voorwaarden_vervolg of onderzoek.',
  team: 'Het nummer of de precieze naam van de organisatie in Ketenzicht (een team, nooit een persoon).',
  interventie: 'De interventie, als code uit de catalogus van interventies.',
  primair: 'Of dit de primaire interventie is: ja of nee.',
  bron: 'Wie de meting deed: veilig_thuis, lokaal_team of gezin.',
  geweld: 'Geweld sinds de vorige meting: ja, nee of onbekend.',
  veiligheidsstatus: 'Veiligheid bij de meting: veilig, onveilig of onbekend.',
  voorwaarden: 'Veiligheidsvoorwaarden nageleefd: ja, nee of nvt.',
  reden:
    'Reden van afsluiting: doelen_bereikt, veiligheid_hersteld, overgedragen, verhuisd, gezin_wil_niet of overig.',
};

/** /casussen/aanleveren: a supplier uploads a case extract, sees the dry run's report, then imports it. */
export function CaseImportPage() {
  useDocumentTitle(t.title);
  return (
    <RequireSignedIn>
      {(user) =>
        maySupplyCases(user) ? (
          <Importer user={user} />
        ) : (
          <>
            <Heading level={1}>{t.title}</Heading>
            <Paragraph className="ks-prose">{t.noAccessBody}</Paragraph>
            <Paragraph>
              <AppLink to="/account">{t.accountLink}</AppLink>
            </Paragraph>
            <FormatSection />
          </>
        )
      }
    </RequireSignedIn>
  );
}

interface Shown {
  report: CaseImportReport;
  dryRun: boolean;
}

function Importer({ user }: { user: SessionUser }) {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const suppliers = supplierOptions(user);
  const mustChoose = suppliers.length > 1;
  const [file, setFile] = useState<File | null>(null);
  const [supplier, setSupplier] = useState('');
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [reported, setReported] = useState(0);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const upload = useRef<AbortController | null>(null);
  const formHeadingId = useId();

  useEffect(() => () => upload.current?.abort(), []);

  // The "Importeren" button is gone with the new report: focus goes to the report, not to the page's start.
  useEffect(() => {
    if (reported === 0) return;
    const active = document.activeElement;
    if (!active || active === document.body) reportHeading.current?.focus();
  }, [reported]);

  const reset = () => {
    setShown(null);
    setConfirmation(null);
    setRefusal(null);
    form.clear();
  };

  const send = async (dryRun: boolean) => {
    if (busy) return;
    setConfirmation(null);
    setRefusal(null);
    const problems = [
      checkCaseFile(file, CASES_UPLOAD_LIMIT),
      mustChoose && !supplier ? { field: t.supplierField, message: t.supplierMissing } : null,
    ].filter((problem) => problem !== null);
    if (problems.length > 0 || !file) return form.show(problems);
    const fileName = uploadFileName(file.name);
    const controller = new AbortController();
    upload.current = controller;
    setBusy(dryRun ? 'check' : 'import');
    try {
      const { body: report } = await casesApi.importFile(queryClient, file, fileName, {
        dryRun,
        ...(mustChoose ? { supplier: Number(supplier) } : {}),
        signal: controller.signal,
      });
      setShown({ report, dryRun });
      form.clear();
      // A refusal is announced too, but not in the green confirmation box.
      setRefusal(report.outcome === 'geweigerd' ? t.refused(report.fileName) : null);
      setConfirmation(
        report.outcome === 'geweigerd'
          ? null
          : report.outcome === 'geimporteerd' && report.importId !== null
            ? t.importedAs(report.importId)
            : report.outcome === 'proefimport'
              ? t.checked(report.fileName)
              : t.outcomes[report.outcome],
      );
      setReported((count) => count + 1);
      if (!dryRun && report.outcome === 'geimporteerd') await invalidateCases(queryClient);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setShown(null);
      form.show(errorsFromFailure(error, [t.fileField, t.supplierField], t.sendFailed));
    } finally {
      if (upload.current === controller) upload.current = null;
      setBusy(null);
    }
  };

  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(true);
  };

  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <div className="ks-prose ks-intro">
        {t.intro.map((paragraph) => (
          <Paragraph key={paragraph}>{paragraph}</Paragraph>
        ))}
      </div>
      <Paragraph>
        <AppLink to="/casussen" search={{ pagina: 1 }}>
          {t.registerLink}
        </AppLink>
      </Paragraph>
      <section aria-labelledby={formHeadingId} className="ks-section">
        <Heading level={2} id={formHeadingId}>
          {t.formHeading}
        </Heading>
        <form onSubmit={check} noValidate className="ks-form ks-import-form">
          <ErrorSummary state={form} headingLevel={3} />
          {mustChoose && (
            <SupplierSelect
              id={form.idOf(t.supplierField)}
              options={suppliers}
              value={supplier}
              error={errorOf(form.errors, t.supplierField)}
              onChange={(value) => {
                setSupplier(value);
                reset();
              }}
            />
          )}
          <FileField
            id={form.idOf(t.fileField)}
            label={t.fileLabel}
            description={t.fileDescription(formatFileSize(CASES_UPLOAD_LIMIT))}
            accept=".csv,text/csv"
            error={errorOf(form.errors, t.fileField)}
            onChange={(chosen) => {
              upload.current?.abort();
              setFile(chosen);
              reset();
            }}
          />
          {file && (
            <Paragraph className="ks-dropzone__chosen">
              {t.chosen(uploadFileName(file.name), formatFileSize(file.size))}
            </Paragraph>
          )}
          <SubmitButton busy={busy === 'check'} appearance="secondary-action-button">
            {t.check}
          </SubmitButton>
          <div role="status" className="ks-status">
            {busy ? (
              <Paragraph>{busy === 'check' ? t.checking : t.importing}</Paragraph>
            ) : (
              refusal && <Paragraph>{refusal}</Paragraph>
            )}
          </div>
          <StatusMessage message={confirmation} />
        </form>
      </section>
      {shown && (
        <ReportView
          shown={shown}
          headingRef={reportHeading}
          busy={busy === 'import'}
          onImport={() => void send(false)}
        />
      )}
      <CaseImportHistory />
      <FormatSection />
    </>
  );
}

function SupplierSelect({
  id,
  options,
  value,
  error,
  onChange,
}: {
  id: string;
  options: readonly OrganisationOption[];
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  return (
    <SelectField
      id={id}
      label={t.supplierLabel}
      description={t.supplierDescription}
      value={value}
      options={options}
      emptyOption={t.supplierChoose}
      error={error}
      required
      onChange={onChange}
    />
  );
}

const OUTCOME_ALERT: Record<CaseImportReport['outcome'], 'ok' | 'error' | 'info'> = {
  proefimport: 'ok',
  geimporteerd: 'ok',
  ongewijzigd: 'info',
  geweigerd: 'error',
};

function ReportView({
  shown,
  headingRef,
  busy,
  onImport,
}: {
  shown: Shown;
  headingRef: RefObject<HTMLHeadingElement | null>;
  busy: boolean;
  onImport(): void;
}) {
  const { report, dryRun } = shown;
  const headingId = useId();
  const refused = report.outcome === 'geweigerd';
  const canImport = dryRun && report.outcome === 'proefimport' && report.added + report.changed > 0;
  const next = refused
    ? t.refusedNext
    : report.outcome === 'proefimport'
      ? canImport
        ? t.dryRunNext
        : t.nothingToImport
      : null;
  return (
    <section aria-labelledby={headingId} className="ks-section ks-import-report">
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1} className="ks-import-report__heading">
        {dryRun ? t.resultDryRun : t.resultImport}
      </Heading>
      <Alert type={OUTCOME_ALERT[report.outcome]} role="note" className="ks-notice ks-import-outcome">
        <Paragraph className="ks-import-outcome__lead">
          {report.outcome === 'geimporteerd' && report.importId !== null
            ? t.importedAs(report.importId)
            : t.outcomes[report.outcome]}
        </Paragraph>
        {next && <Paragraph>{next}</Paragraph>}
      </Alert>
      {report.personalData.length > 0 && <PersonalData report={report} />}
      <ReportPart heading={t.countsHeading}>
        <DataList className="ks-facts ks-facts--narrow ks-import-facts">
          <Fact label={t.counts.file}>{report.fileName}</Fact>
          <Fact label={t.counts.supplier}>{report.supplier?.name ?? t.noSupplier}</Fact>
          <Fact label={t.counts.rows}>{formatNumber(report.rows)}</Fact>
          <Fact label={t.counts.cases}>{formatNumber(report.cases)}</Fact>
          <Fact label={t.counts.households}>{formatNumber(report.households)}</Fact>
          <Fact label={t.counts.errors}>{formatNumber(report.errors)}</Fact>
          <Fact label={t.counts.warnings}>{formatNumber(report.warnings)}</Fact>
          {!refused && (
            <>
              <Fact label={t.counts.added}>{formatNumber(report.added)}</Fact>
              <Fact label={t.counts.changed}>{formatNumber(report.changed)}</Fact>
              <Fact label={t.counts.unchanged}>{formatNumber(report.unchanged)}</Fact>
            </>
          )}
        </DataList>
      </ReportPart>
      {report.problems.length > 0 && <Problems report={report} />}
      {canImport && (
        <div className="ks-import-confirm">
          <Paragraph>{t.importIntro(report.added, report.changed)}</Paragraph>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              onImport();
            }}
          >
            <SubmitButton busy={busy}>{t.import}</SubmitButton>
          </form>
        </div>
      )}
    </section>
  );
}

/** The columns refused for personal data, first and prominent: which column, where and how often. */
function PersonalData({ report }: { report: CaseImportReport }) {
  const headingId = useId();
  return (
    <Alert type="error" role="alert" className="ks-notice ks-personal-data" aria-labelledby={headingId}>
      <Heading level={3} id={headingId} className="ks-notice__heading">
        {t.personalHeading}
      </Heading>
      <Paragraph>{t.personalIntro}</Paragraph>
      <UnorderedList>
        {report.personalData.map((finding) => (
          <UnorderedListItem key={`${finding.column}:${finding.kind}`}>
            {personalDataText(finding)}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph>{t.personalFix}</Paragraph>
    </Alert>
  );
}

function ReportPart({ heading, children }: { heading: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="ks-import-part">
      <Heading level={3} id={id}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

function Problems({ report }: { report: CaseImportReport }) {
  const headingId = useId();
  const total = report.errors + report.warnings;
  return (
    <section aria-labelledby={headingId} className="ks-upload-problems ks-import-part">
      <Heading level={3} id={headingId}>
        {t.problemsHeading}
      </Heading>
      <Paragraph>{t.problemsIntro}</Paragraph>
      {total > report.problems.length && (
        <Paragraph>{t.problemsTruncated(report.problems.length, total)}</Paragraph>
      )}
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table ks-import-problems">
          <TableCaption className="ks-table__caption">
            {t.problemsCaption(report.fileName, total)}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.severityColumn}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t.rowColumn}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t.columnColumn}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.valueColumn}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.messageColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <TableRow key={index}>
                <TableCell>
                  <span
                    className={problem.severity === 'fout' ? 'ks-severity ks-severity--error' : 'ks-severity'}
                  >
                    {t.severities[problem.severity]}
                  </span>
                </TableCell>
                <TableCell numericColumn>
                  {problem.row === null ? t.wholeFile : formatNumber(problem.row)}
                </TableCell>
                <TableCell>{problem.column === null ? '–' : <Code>{problem.column}</Code>}</TableCell>
                <TableCell className="ks-upload-problems__value">{problem.value ?? '–'}</TableCell>
                <TableCell className="ks-upload-problems__message">{problem.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}

/** The columns of an extract and the fields each event needs, from the shared vocabulary. */
function FormatSection() {
  const headingId = useId();
  const columns = csvColumnRows();
  return (
    <section aria-labelledby={headingId} className="ks-section">
      <Heading level={2} id={headingId}>
        {t.formatHeading}
      </Heading>
      <div className="ks-prose">
        {t.formatIntro.map((paragraph) => (
          <Paragraph key={paragraph}>{paragraph}</Paragraph>
        ))}
      </div>
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table">
          <TableCaption className="ks-table__caption">{t.columnsCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.columnHeader}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.contentHeader}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.neededHeader}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {columns.map((row) => (
              <TableRow key={row.column}>
                <TableHeaderCell scope="row" className="ks-table__row-header">
                  <Code>{row.column}</Code>
                </TableHeaderCell>
                <TableCell>{COLUMN_TEXT[row.column]}</TableCell>
                <TableCell>
                  {row.neededBy === 'alle'
                    ? t.allEvents
                    : row.neededBy
                        .map((kind) => CASE_EVENT_LABELS[kind].toLocaleLowerCase('nl-NL'))
                        .join(', ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table">
          <TableCaption className="ks-table__caption">{t.eventsCaption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.eventHeader}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.meaningHeader}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.requiredHeader}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {CASE_EVENT_KINDS.map((kind) => (
              <TableRow key={kind}>
                <TableHeaderCell scope="row" className="ks-table__row-header">
                  <Code>{kind}</Code>
                </TableHeaderCell>
                <TableCell>{CASE_EVENT_LABELS[kind]}</TableCell>
                <TableCell>
                  {EVENT_FIELDS[kind].length === 0
                    ? t.noExtra
                    : EVENT_FIELDS[kind].map((column, index) => (
                        <span key={column}>
                          {index > 0 && ', '}
                          <Code>{column}</Code>
                        </span>
                      ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
