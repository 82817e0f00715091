// SPDX-License-Identifier: EUPL-1.2
import './import-page.css';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import {
  type DragEvent,
  type FormEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import {
  type ColumnMapping,
  figuresApi,
  type ImportReport,
  type IndicatorCatalogue,
  importIndicatorsQuery,
  type UploadProgress,
} from '../api/figures-client.ts';
import type { SessionUser } from '../api/types.ts';
import { AppLink } from '../components/app-link.tsx';
import {
  ErrorSummary,
  FileField,
  type FormErrorState,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../components/form.tsx';
import { RequireSignedIn, useSession } from '../components/session.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import {
  COLUMN_ROLES,
  canChooseMapping,
  canConfirm,
  checkDraft,
  checkImportFile,
  confirmedMapping,
  diffCounts,
  draftFromMapping,
  draftLayout,
  emptyDraft,
  type Fact,
  FIGURES_UPLOAD_LIMIT,
  fileFacts,
  formatFileSize,
  formatOptions,
  IMPORT_FIELDS,
  importableIndicators,
  importFailure,
  indicatorColumnOf,
  isMappingEditable,
  knownHeaders,
  type MappingDraft,
  mappingFacts,
  mappingFromDraft,
  mayImport,
  progressText,
  reportConfirmation,
  reportCounts,
  reportErrors,
  sameFileText,
  uploadPercent,
} from '../lib/figures-import.ts';
import { errorOf } from '../lib/form-errors.ts';
import { formatNumber } from '../lib/format.ts';
import { uploadFileName } from '../lib/merger-upload.ts';
import { texts } from '../texts.ts';
import { ImportHistory } from './import-history.tsx';
import { ImportChanges, ImportProblems } from './import-report-tables.tsx';
import { importTexts as t } from './import-texts.ts';

/** Extensions and types the file chooser offers; the server recognises the format by the content. */
const ACCEPT =
  '.csv,.json,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * /importeren: a beheerder or aanleverancier chooses a file of figures (picker or drag and drop), sees the
 * server's dry run (facts, problems, the column mapping, what would change), may adjust the mapping of a
 * worksheet, confirms the import, and can undo imports in the history below.
 */
export function ImportPage() {
  useDocumentTitle(t.documentTitle);
  return (
    <RequireSignedIn>{(user) => (mayImport(user) ? <Importer user={user} /> : <NoAccess />)}</RequireSignedIn>
  );
}

/** "Cijfers importeren" in the main navigation, for those who may import. */
export function ImportNavItem() {
  const user = useSession().data?.user;
  if (!mayImport(user)) return null;
  return (
    <li>
      <AppLink to="/importeren">{t.navLink}</AppLink>
    </li>
  );
}

function NoAccess() {
  return (
    <>
      <Heading level={1}>{t.noAccessHeading}</Heading>
      <Paragraph className="ks-prose">{t.noAccessBody}</Paragraph>
      <Paragraph>
        <AppLink to="/account">{t.accountLink}</AppLink>
      </Paragraph>
    </>
  );
}

interface Busy {
  dryRun: boolean;
  progress: UploadProgress;
}

interface Shown {
  report: ImportReport;
  dryRun: boolean;
  /** The mapping sent with the request that gave this report. */
  sent: ColumnMapping | undefined;
}

/** After an import or undo: the history, and any figures other pages show, are out of date. */
function refreshAfterWrite(queryClient: QueryClient) {
  return queryClient.invalidateQueries({
    predicate: (query) => !['session', 'boundaries', 'access'].includes(String(query.queryKey[0])),
  });
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function Importer({ user }: { user: SessionUser }) {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const catalogue = useQuery(importIndicatorsQuery());
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [draft, setDraft] = useState<MappingDraft>(emptyDraft);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const upload = useRef<AbortController | null>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const [reported, setReported] = useState(0);
  const formHeadingId = useId();

  useEffect(() => () => upload.current?.abort(), []);

  // A button that started the request may be gone with the new report ("Importeren"): focus goes to the report
  // rather than to the start of the page. (The error summary takes focus itself when there are errors.)
  useEffect(() => {
    if (reported === 0) return;
    const active = document.activeElement;
    if (!active || active === document.body) reportHeading.current?.focus();
  }, [reported]);

  /** A new file or format: what was shown was about the old one. */
  const reset = () => {
    setShown(null);
    setDraft(emptyDraft());
    setConfirmation(null);
    form.clear();
  };

  const chooseFile = (chosen: File | null) => {
    upload.current?.abort();
    setFile(chosen);
    reset();
  };

  const send = async (dryRun: boolean, mapping: ColumnMapping | undefined) => {
    if (busy) return;
    setConfirmation(null);
    const invalid = checkImportFile(file);
    if (invalid || !file) return form.show(invalid ? [invalid] : []);
    const fileName = uploadFileName(file.name);
    const controller = new AbortController();
    upload.current = controller;
    setBusy({ dryRun, progress: { phase: 'uploading', loaded: 0, total: file.size } });
    try {
      const { body: report } = await figuresApi.importFile(queryClient, file, fileName, {
        dryRun,
        format: format || undefined,
        mapping,
        onProgress: (progress) => setBusy({ dryRun, progress }),
        signal: controller.signal,
      });
      setShown({ report, dryRun, sent: mapping });
      setDraft(draftFromMapping(report.findings?.mapping ?? mapping));
      const errors = reportErrors(report);
      if (errors.length > 0) form.show(errors);
      else form.clear();
      setConfirmation(reportConfirmation(report));
      setReported((count) => count + 1);
      if (!dryRun && report.outcome === 'geimporteerd') await refreshAfterWrite(queryClient);
    } catch (error) {
      if (isAbort(error)) return;
      setShown(null);
      form.show(importFailure(error, fileName, texts.forms.sendFailed));
    } finally {
      if (upload.current === controller) upload.current = null;
      setBusy(null);
    }
  };

  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(true, shown ? mappingFromDraft(draft, shown.report) : undefined);
  };

  return (
    <>
      <Heading level={1}>{t.heading}</Heading>
      <div className="ks-prose ks-intro">
        {t.intro.map((paragraph) => (
          <Paragraph key={paragraph}>{paragraph}</Paragraph>
        ))}
      </div>
      <section aria-labelledby={formHeadingId} className="ks-section">
        <Heading level={2} id={formHeadingId}>
          {t.formHeading}
        </Heading>
        <form onSubmit={check} noValidate className="ks-form ks-import-form">
          <ErrorSummary state={form} headingLevel={3} />
          <DropZone
            file={file}
            onFile={chooseFile}
            error={errorOf(form.errors, IMPORT_FIELDS.file)}
            form={form}
          />
          <SelectField
            id={form.idOf(IMPORT_FIELDS.format)}
            label={t.formatLabel}
            description={t.formatDescription}
            value={format}
            options={formatOptions()}
            emptyOption={t.formatAuto}
            error={errorOf(form.errors, IMPORT_FIELDS.format)}
            onChange={(value) => {
              setFormat(value);
              reset();
            }}
          />
          <SubmitButton busy={busy?.dryRun === true} appearance="secondary-action-button">
            {t.check}
          </SubmitButton>
          {busy && <UploadProgressBar busy={busy} />}
          <div role="status" className="ks-status">
            {busy && (
              <Paragraph>
                {busy.progress.phase === 'processing'
                  ? busy.dryRun
                    ? t.processing
                    : t.importing
                  : t.uploadingUnknown}
              </Paragraph>
            )}
          </div>
          <StatusMessage message={confirmation} />
        </form>
      </section>
      {shown && (
        <ReportView
          headingRef={reportHeading}
          shown={shown}
          form={form}
          catalogue={catalogue.data}
          catalogueFailed={catalogue.isError}
          draft={draft}
          onDraft={setDraft}
          busy={busy}
          onRecheck={(mapping) => void send(true, mapping)}
          onImport={() => void send(false, confirmedMapping(shown.report, shown.sent))}
        />
      )}
      <ImportHistory user={user} onChanged={() => refreshAfterWrite(queryClient)} />
    </>
  );
}

/**
 * The file input with its visible label, inside a zone a file can also be dropped on (an enhancement: the input
 * works with the keyboard and without dragging).
 */
function DropZone({
  file,
  onFile,
  error,
  form,
}: {
  file: File | null;
  onFile(file: File | null): void;
  error: string | undefined;
  form: FormErrorState;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const over = useCallback((event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }, []);

  const leave = (event: DragEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setDragging(false);
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    // The input shows the dropped file too, so picker and zone never disagree.
    try {
      if (input.current) input.current.files = event.dataTransfer.files;
    } catch {
      // Some browsers do not let a script set the files; the name below still says which file it is.
    }
    onFile(dropped);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is an enhancement; the file input inside works by keyboard
    <div
      className={`ks-dropzone${dragging ? ' ks-dropzone--active' : ''}`}
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={leave}
      onDrop={drop}
    >
      <FileField
        id={form.idOf(IMPORT_FIELDS.file)}
        label={t.fileLabel}
        description={t.fileDescription(formatFileSize(FIGURES_UPLOAD_LIMIT))}
        accept={ACCEPT}
        onChange={onFile}
        error={error}
        inputRef={input}
      />
      <Paragraph className="ks-dropzone__hint">{dragging ? t.dropZoneActive : t.dropZone}</Paragraph>
      {file && (
        <Paragraph className="ks-dropzone__chosen">
          {t.chosen(uploadFileName(file.name), formatFileSize(file.size))}
        </Paragraph>
      )}
    </div>
  );
}

/** The share sent so far; while the server reads the file, a bar without a value (busy, no end known). */
function UploadProgressBar({ busy }: { busy: Busy }) {
  const id = useId();
  const share = busy.progress.phase === 'processing' ? null : uploadPercent(busy.progress);
  return (
    <div className="ks-upload-progress">
      <label htmlFor={id} className="ks-upload-progress__label">
        {t.progressLabel}: {progressText(busy.progress, busy.dryRun)}
      </label>
      <progress id={id} max={100} {...(share === null ? {} : { value: share })} />
    </div>
  );
}

function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <DataList className="ks-facts ks-facts--narrow ks-import-facts">
      {facts.map((fact) => (
        <DataListItem key={fact.key}>
          <DataListKey>{fact.key}</DataListKey>
          <DataListValue>{fact.value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

const OUTCOME_ALERT: Record<ImportReport['outcome'], 'ok' | 'error' | 'info'> = {
  proefimport: 'ok',
  geimporteerd: 'ok',
  ongewijzigd: 'info',
  geweigerd: 'error',
};

interface ReportViewProps {
  headingRef?: RefObject<HTMLHeadingElement | null>;
  shown: Shown;
  form: FormErrorState;
  catalogue: IndicatorCatalogue | undefined;
  catalogueFailed: boolean;
  draft: MappingDraft;
  onDraft(draft: MappingDraft): void;
  busy: Busy | null;
  onRecheck(mapping: ColumnMapping | undefined): void;
  onImport(): void;
}

/** The report of a dry run or an import. */
function ReportView(props: ReportViewProps) {
  const { shown, form, catalogue } = props;
  const report = shown.report;
  const headingId = useId();
  const sameFile = sameFileText(report);
  const refused = report.outcome === 'geweigerd';
  const next = refused
    ? canChooseMapping(report)
      ? t.refusedNextMapping
      : t.refusedNext
    : report.outcome === 'proefimport'
      ? canConfirm(report)
        ? t.dryRunNext
        : t.nothingToImport
      : null;
  const mappingShown = report.findings !== null || isMappingEditable(report);

  return (
    <section aria-labelledby={headingId} className="ks-section ks-import-report">
      <Heading
        level={2}
        id={headingId}
        ref={props.headingRef}
        tabIndex={-1}
        className="ks-import-report__heading"
      >
        {shown.dryRun ? t.resultHeadingDryRun : t.resultHeadingImport}
      </Heading>
      <Alert type={OUTCOME_ALERT[report.outcome]} role="note" className="ks-notice ks-import-outcome">
        <Paragraph className="ks-import-outcome__lead">
          {report.outcome === 'geimporteerd' ? reportConfirmation(report) : t.outcomes[report.outcome]}
        </Paragraph>
        {next && <Paragraph>{next}</Paragraph>}
        {sameFile && <Paragraph>{sameFile}</Paragraph>}
      </Alert>
      <div className="ks-import-columns">
        <ReportPart heading={t.factsHeading}>
          <Facts facts={fileFacts(report)} />
        </ReportPart>
        <ReportPart heading={t.countsHeading}>
          <Facts facts={reportCounts(report)} />
          {report.stoppedEarly && <Paragraph>{t.stoppedEarly(formatNumber(report.errors))}</Paragraph>}
        </ReportPart>
      </div>
      {report.problems.length > 0 && (
        <ImportProblems id={form.idOf(IMPORT_FIELDS.problems)} report={report} />
      )}
      {mappingShown && <MappingPart {...props} />}
      {!refused && (
        <ReportPart heading={t.diffHeading}>
          <Facts facts={diffCounts(report)} />
          <ImportChanges report={report} catalogue={catalogue} />
        </ReportPart>
      )}
      {shown.dryRun && canConfirm(report) && (
        <div className="ks-import-confirm">
          <Paragraph>{t.importIntro(formatNumber(report.added), formatNumber(report.changed))}</Paragraph>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              props.onImport();
            }}
          >
            <SubmitButton busy={props.busy?.dryRun === false}>{t.import}</SubmitButton>
          </form>
        </div>
      )}
    </section>
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

/**
 * What the server made of the columns, and for a worksheet (or a Ketenzicht CSV whose header it refused) the
 * choices that change it: layout, the indicator of a wide sheet, and the column of each role.
 */
function MappingPart({
  shown,
  form,
  catalogue,
  catalogueFailed,
  draft,
  onDraft,
  busy,
  onRecheck,
}: ReportViewProps) {
  const report = shown.report;
  const headingId = useId();
  const headers = knownHeaders(report);
  const xlsx = report.file?.format === 'xlsx';
  const editable = canChooseMapping(report);
  const layout = draftLayout(draft, report);
  const detectedLayout = report.findings?.mapping.layout;
  const indicatorColumn = indicatorColumnOf(report);
  const facts = mappingFacts(report.findings?.mapping, catalogue);
  const indicators = importableIndicators(catalogue);

  const setColumn = (role: keyof MappingDraft['columns'], value: string) =>
    onDraft({ ...draft, columns: { ...draft.columns, [role]: value } });

  const recheck = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = checkDraft(draft, report);
    if (invalid) return form.show([invalid]);
    onRecheck(mappingFromDraft(draft, report));
  };

  return (
    <section
      id={form.idOf(IMPORT_FIELDS.mapping)}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="ks-import-part ks-import-mapping"
    >
      <Heading level={3} id={headingId}>
        {t.mappingHeading}
      </Heading>
      {report.findings ? (
        facts.length > 0 ? (
          <>
            <Paragraph>{t.mappingDetected}</Paragraph>
            <Facts facts={facts} />
          </>
        ) : (
          <Paragraph>{t.mappingNone}</Paragraph>
        )
      ) : (
        <Paragraph>{t.mappingUnknown}</Paragraph>
      )}
      {headers.length > 0 && (
        <Paragraph>{t.mappingHeaders(headers.map((header) => `“${header}”`).join(', '))}</Paragraph>
      )}
      {editable && (
        <form onSubmit={recheck} noValidate className="ks-form">
          <Paragraph>{report.findings ? t.mappingEditIntro : t.mappingEditIntroUnknown}</Paragraph>
          {xlsx && (
            <SelectField
              id={form.idOf('layout')}
              label={t.layoutLabel}
              description={t.layoutDescription}
              value={draft.layout}
              emptyOption={
                detectedLayout
                  ? `${t.layoutAuto} (${t.layoutDetected(t.layouts[detectedLayout])})`
                  : t.layoutAuto
              }
              options={[
                { value: 'long', label: t.layouts.long },
                { value: 'wide', label: t.layouts.wide },
              ]}
              onChange={(value) =>
                onDraft({ ...draft, layout: value === 'long' || value === 'wide' ? value : '' })
              }
            />
          )}
          {xlsx && layout !== 'long' && (
            <>
              <SelectField
                id={form.idOf(IMPORT_FIELDS.indicator)}
                label={t.indicatorLabel}
                description={catalogueFailed ? t.indicatorsLoadError : t.indicatorDescription}
                value={draft.indicator}
                emptyOption={indicatorColumn ? t.indicatorFromColumn(indicatorColumn) : t.indicatorChoose}
                options={indicators.map((item) => ({
                  value: item.code,
                  label: t.indicatorOption(item.name, item.code),
                }))}
                onChange={(value) => onDraft({ ...draft, indicator: value })}
                error={errorOf(form.errors, IMPORT_FIELDS.indicator)}
              />
              <ColumnField
                id={form.idOf('column-area')}
                label={t.areaColumnLabel}
                headers={headers}
                value={draft.columns.area}
                onChange={(value) => setColumn('area', value)}
              />
            </>
          )}
          {layout === 'long' &&
            COLUMN_ROLES.map((role) => (
              <ColumnField
                key={role}
                id={form.idOf(`column-${role}`)}
                label={t.columnLabel(t.roles[role])}
                headers={headers}
                value={draft.columns[role]}
                onChange={(value) => setColumn(role, value)}
              />
            ))}
          <SubmitButton busy={busy?.dryRun === true} appearance="secondary-action-button">
            {t.recheck}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}

/**
 * The column that plays a role: chosen from the header when the server named its columns, else typed (a header
 * the server refused is not reported whole).
 */
function ColumnField({
  id,
  label,
  headers,
  value,
  onChange,
}: {
  id: string;
  label: string;
  headers: readonly string[];
  value: string;
  onChange(value: string): void;
}) {
  if (headers.length === 0)
    return (
      <TextField
        id={id}
        label={label}
        description={t.columnTextDescription}
        value={value}
        onChange={onChange}
        autoComplete="off"
        spellCheck={false}
      />
    );
  const options = [...new Set([...headers, ...(value ? [value] : [])])].map((header) => ({
    value: header,
    label: t.columnOption(header),
  }));
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      emptyOption={t.columnDefault}
      options={options}
      onChange={onChange}
    />
  );
}
