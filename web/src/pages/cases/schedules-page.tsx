// SPDX-License-Identifier: EUPL-1.2
import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldErrorMessage,
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
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { casesApi, invalidateCases, type ScheduleData, useSchedules } from '../../api/cases-queries.ts';
import { ApiError } from '../../api/client.ts';
import type { SessionUser } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import {
  ErrorSummary,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/form.tsx';
import { useSession } from '../../components/session.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { errorOf, errorsFromFailure } from '../../lib/form-errors.ts';
import { formatNumber } from '../../lib/format.ts';
import {
  initialRegion,
  type MomentField,
  type MomentRow,
  mayEditSchedules,
  momentFieldName,
  momentsFromRows,
  newMomentRow,
  rowLabel,
  rowsFromMoments,
  savedText,
  scheduleKindText,
  scheduleText,
} from '../../lib/schedules.ts';
import { texts } from '../../texts.ts';

const t = {
  title: 'Meetmomenten per regio',
  intro: [
    'Na een overdracht door Veilig Thuis volgen vervolgmetingen of het geweld is gestopt en of het gezin veilig is. De meetmomenten tellen vanaf de datum van de overdracht: “+3 mnd” is drie maanden na die datum.',
    'Rond elk meetmoment ligt een venster, van een aantal dagen ervoor tot een aantal dagen erna. Een meting telt voor een meetmoment als ze in dat venster valt; vensters mogen elkaar niet overlappen, zodat een meting nooit voor twee meetmomenten telt.',
    'De uitkomstindicatoren (geweld gestopt na 12 maanden, veilig na 3 en na 12 maanden) gebruiken de meetmomenten van +3 en +12 maanden. Die blijven daarom in elk schema. Een regio kan er meetmomenten bij zetten en de vensters ruimer of krapper maken.',
    'Wie een venster wijzigt, verandert welke metingen meetellen: Ketenzicht berekent de uitkomsten van alle casussen in de regio dan opnieuw.',
  ],
  followUpsLink: 'Naar de vervolgmetingen die nu of te laat zijn',
  tableHeading: 'Schema’s van de regio’s',
  caption: (count: number) =>
    `Meetmomenten en vensters van ${count === 1 ? '1 Veilig Thuis-regio' : `${formatNumber(count)} Veilig Thuis-regio’s`}`,
  columns: { region: 'Regio', moments: 'Meetmomenten en vensters', kind: 'Schema' },
  loadWhat: 'de schema’s',
  editHeading: 'Schema van een regio wijzigen',
  editIntro:
    'Kies een regio en pas de meetmomenten aan. Een beheerder kan elke regio wijzigen, een regiocoördinator de eigen regio.',
  whoMayEdit:
    'Het schema van een regio wijzigt een beheerder of een regiocoördinator van die regio. Neem contact met hen op als het schema van uw regio anders moet.',
  region: 'Regio',
  chooseRegion: 'Kies een regio',
  regionMissing: 'Kies de regio waarvan u het schema wilt wijzigen.',
  momentsLegend: (name: string) => `Meetmomenten van ${name}`,
  momentsDescription:
    'Per meetmoment: het aantal maanden na de overdracht en hoeveel dagen ervoor en erna een meting meetelt.',
  months: 'Maanden na de overdracht',
  fixedMonths: 'Vast: de uitkomstindicatoren gebruiken dit meetmoment. Het kan niet weg.',
  daysBefore: 'Dagen ervoor',
  daysAfter: 'Dagen erna',
  add: 'Meetmoment toevoegen',
  remove: 'Verwijderen',
  save: 'Opslaan',
};

const regionLabel = (schedule: ScheduleData) => `${schedule.name} (${schedule.region})`;

/** /vervolgmetingen/schema: the follow-up moments and windows of every region; beheerders and regiocoördinatoren change them. */
export function SchedulesPage() {
  useDocumentTitle(t.title);
  const schedules = useSchedules();
  const session = useSession();
  const user = session.data?.user ?? null;
  const tableHeadingId = useId();
  const editHeadingId = useId();

  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <div className="ks-prose ks-intro">
        {t.intro.map((paragraph) => (
          <Paragraph key={paragraph}>{paragraph}</Paragraph>
        ))}
      </div>
      <Paragraph>
        <AppLink to="/vervolgmetingen" search={{}}>
          {t.followUpsLink}
        </AppLink>
      </Paragraph>
      <section aria-labelledby={tableHeadingId} className="ks-section">
        <Heading level={2} id={tableHeadingId}>
          {t.tableHeading}
        </Heading>
        {schedules.isPending ? (
          <LoadingMessage>{texts.common.loading}</LoadingMessage>
        ) : schedules.isError ? (
          <ErrorMessage>
            {schedules.error instanceof ApiError && schedules.error.status < 500
              ? schedules.error.message
              : texts.common.loadError(t.loadWhat)}
          </ErrorMessage>
        ) : (
          <ScheduleTable schedules={schedules.data} />
        )}
      </section>
      {schedules.isSuccess && (
        <section aria-labelledby={editHeadingId} className="ks-section">
          <Heading level={2} id={editHeadingId}>
            {t.editHeading}
          </Heading>
          {mayEditSchedules(user) && user ? (
            <>
              <Paragraph className="ks-prose">{t.editIntro}</Paragraph>
              <ScheduleEditor schedules={schedules.data} user={user} />
            </>
          ) : (
            <Paragraph className="ks-prose">{t.whoMayEdit}</Paragraph>
          )}
        </section>
      )}
    </>
  );
}

function ScheduleTable({ schedules }: { schedules: readonly ScheduleData[] }) {
  return (
    <TableContainer overflowInline className="ks-table-container">
      <Table className="ks-table">
        <TableCaption className="ks-table__caption">{t.caption(schedules.length)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.columns.region}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.columns.moments}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.columns.kind}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {schedules.map((schedule) => (
            <TableRow key={schedule.region}>
              <TableHeaderCell scope="row" className="ks-table__row-header">
                {regionLabel(schedule)}
              </TableHeaderCell>
              <TableCell>{scheduleText(schedule.moments)}</TableCell>
              <TableCell>{scheduleKindText(schedule.own)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function ScheduleEditor({ schedules, user }: { schedules: readonly ScheduleData[]; user: SessionUser }) {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const momentsErrorId = useId();
  const addRef = useRef<HTMLButtonElement>(null);
  const [region, setRegion] = useState(() => initialRegion(user, schedules));
  const [rows, setRows] = useState<MomentRow[]>(() =>
    rowsFromMoments(schedules.find((schedule) => schedule.region === region)?.moments ?? []),
  );
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  /** The field to focus after the rows changed: the new row's months, or the add button after a removal. */
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    if (focusTarget === 'add') addRef.current?.focus();
    else document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const selected = schedules.find((schedule) => schedule.region === region);
  const regionOptions = schedules.map((schedule) => ({
    value: schedule.region,
    label: regionLabel(schedule),
  }));
  const momentsError = errorOf(form.errors, 'moments');

  const chooseRegion = (code: string) => {
    setRegion(code);
    setRows(rowsFromMoments(schedules.find((schedule) => schedule.region === code)?.moments ?? []));
    setSaved(null);
    form.clear();
  };

  const update = (id: number, field: MomentField, value: string) => {
    setSaved(null);
    setRows((current) => current.map((row) => (row.id === id ? { ...row, [field]: value } : row)));
  };

  const add = () => {
    const row = newMomentRow(rows);
    setSaved(null);
    setRows((current) => [...current, row]);
    setFocusTarget(form.idOf(momentFieldName(row.id, 'months')));
  };

  const remove = (id: number) => {
    setSaved(null);
    setRows((current) => current.filter((row) => row.id !== id || row.fixed));
    setFocusTarget('add');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    if (!selected) return form.show([{ field: 'region', message: t.regionMissing }]);
    const { moments, errors } = momentsFromRows(rows);
    if (errors.length > 0) return form.show(errors);
    setBusy(true);
    try {
      const result = await casesApi.saveSchedule(queryClient, selected.region, moments);
      form.clear();
      setSaved(savedText(result.recomputed));
      // The table above, the follow-up lists and the outcomes all depend on the schedule.
      await invalidateCases(queryClient);
    } catch (error) {
      form.show(errorsFromFailure(error, ['moments'], texts.forms.sendFailed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="ks-filters">
      <ErrorSummary state={form} headingLevel={3} />
      <div className="ks-form">
        <SelectField
          id={form.idOf('region')}
          label={t.region}
          value={region}
          options={regionOptions}
          emptyOption={t.chooseRegion}
          error={errorOf(form.errors, 'region')}
          required
          onChange={chooseRegion}
        />
      </div>
      {selected && (
        <Fieldset
          id={form.idOf('moments')}
          tabIndex={-1}
          invalid={Boolean(momentsError)}
          aria-describedby={momentsError ? momentsErrorId : undefined}
          className="ks-section"
        >
          <FieldsetLegend>{t.momentsLegend(regionLabel(selected))}</FieldsetLegend>
          <Paragraph>{t.momentsDescription}</Paragraph>
          {momentsError && (
            <FormFieldErrorMessage id={momentsErrorId} className="utrecht-form-field__error-message">
              <span className="ks-visually-hidden">{texts.forms.errorPrefix}</span>
              {momentsError}
            </FormFieldErrorMessage>
          )}
          {rows.map((row) => (
            <MomentFields
              key={row.id}
              row={row}
              label={rowLabel(rows, row)}
              idOf={form.idOf}
              errorOf={(field) => errorOf(form.errors, momentFieldName(row.id, field))}
              onChange={(field, value) => update(row.id, field, value)}
              onRemove={() => remove(row.id)}
            />
          ))}
          <Button ref={addRef} appearance="secondary-action-button" onClick={add} disabled={busy}>
            {t.add}
          </Button>
        </Fieldset>
      )}
      {selected && (
        <div className="ks-actions">
          <SubmitButton busy={busy}>{t.save}</SubmitButton>
        </div>
      )}
      <StatusMessage message={saved} />
    </form>
  );
}

function MomentFields({
  row,
  label,
  idOf,
  errorOf: fieldError,
  onChange,
  onRemove,
}: {
  row: MomentRow;
  label: string;
  idOf(field: string): string;
  errorOf(field: MomentField): string | undefined;
  onChange(field: MomentField, value: string): void;
  onRemove(): void;
}) {
  const legend = row.fixed ? `Meetmoment ${label}` : label.charAt(0).toUpperCase() + label.slice(1);
  const field = (name: MomentField, text: string, description?: string) => (
    <TextField
      id={idOf(momentFieldName(row.id, name))}
      label={text}
      description={description}
      value={row[name]}
      readOnly={name === 'months' && row.fixed}
      spellCheck={false}
      error={fieldError(name)}
      onChange={(value) => onChange(name, value)}
    />
  );
  return (
    <Fieldset className="ks-filters">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <div className="ks-filters__fields">
        {field('months', t.months, row.fixed ? t.fixedMonths : undefined)}
        {field('daysBefore', t.daysBefore)}
        {field('daysAfter', t.daysAfter)}
      </div>
      {!row.fixed && (
        <Button appearance="secondary-action-button" hint="danger" onClick={onRemove}>
          {t.remove}
          <span className="ks-visually-hidden"> ({label})</span>
        </Button>
      )}
    </Fieldset>
  );
}
