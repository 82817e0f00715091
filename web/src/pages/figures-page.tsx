// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  Heading,
  Link,
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
import { type FormEvent, useId, useMemo, useState } from 'react';
import { SOURCE_LABELS } from '../../../src/shared/figures.ts';
import { AREA_LEVELS } from '../../../src/shared/geography.ts';
import { periodCodeLabel } from '../../../src/shared/periods.ts';
import {
  type Dimension,
  type Indicator,
  indicatorsQuery,
  type ObservationItem,
  observationsQuery,
} from '../api/figures-queries.ts';
import { areasQuery } from '../api/queries.ts';
import { AppLink } from '../components/app-link.tsx';
import { AreaLink } from '../components/area-link.tsx';
import { type Option, SelectField, SubmitButton, TextField } from '../components/form.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import {
  availablePeriods,
  chooseBreakdown,
  chooseIndicator,
  combinedNotes,
  defaultPeriod,
  type FigureRow,
  type FigureSort,
  type FigureSortKey,
  type FiguresSearch,
  type FiguresSelection,
  figureNote,
  figureRows,
  figuresSearchFor,
  figureText,
  formulaText,
  indicatorsBySource,
  isAreaLevel,
  missingAreaCodes,
  nextFigureSort,
  observationsPath,
  periodGroups,
  periodsPath,
  rollsUp,
  sortFigureRows,
  unitLabel,
  versionsSearchFor,
} from '../lib/figures.ts';
import { formatDate } from '../lib/format.ts';
import { texts } from '../texts.ts';
import {
  FiguresLoadError,
  GroupedSelectField,
  type OptionGroup,
  SortableHeaderCell,
} from './figures-parts.tsx';

const t = texts.figures;

const LEVEL_OPTIONS: Option[] = [...AREA_LEVELS]
  .reverse()
  .map((level) => ({ value: level, label: t.levels[level] }));

/**
 * /cijfers: the figures of one indicator for every area of a level in one period, optionally split by a
 * breakdown (one column per value), optionally as known on an earlier date. The choices live in the URL.
 */
export function FiguresPage({ search }: { search: FiguresSearch }) {
  useDocumentTitle(t.documentTitle);
  const catalogue = useQuery(indicatorsQuery());
  const here = useLocation({ select: (location) => location.href });

  return (
    <>
      <Heading level={1}>{t.heading}</Heading>
      <Paragraph className="ks-prose">{t.intro}</Paragraph>
      <Paragraph>
        <AppLink to="/indicatoren">{t.catalogueLink}</AppLink>
      </Paragraph>
      <DemoNotice />
      {catalogue.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : catalogue.isError ? (
        <FiguresLoadError error={catalogue.error} what={t.loadWhat} here={here} />
      ) : (
        <FiguresForCatalogue
          search={search}
          items={catalogue.data.items}
          dimensions={catalogue.data.dimensions}
        />
      )}
    </>
  );
}

/** "Let op: demogegevens zijn synthetisch", for everyone, while the demo's figures are in the database. */
function DemoNotice() {
  const catalogue = useQuery(indicatorsQuery());
  if (!catalogue.data?.syntheticData) return null;
  return (
    <Alert type="warning" className="ks-notice">
      <Heading level={2} className="ks-notice__heading">
        {t.demoNotice}
      </Heading>
      <Paragraph>{t.demoNoticeBody}</Paragraph>
    </Alert>
  );
}

function FiguresForCatalogue({
  search,
  items,
  dimensions,
}: {
  search: FiguresSearch;
  items: readonly Indicator[];
  dimensions: readonly Dimension[];
}) {
  const indicator = chooseIndicator(items, search.indicator);
  const periods = usePeriods(indicator);
  if (!indicator) return <Paragraph>{t.noIndicators}</Paragraph>;
  const unknown = search.indicator && search.indicator !== indicator.code ? search.indicator : null;
  const period = search.periode ?? periods.defaultPeriod;
  const selection: FiguresSelection | null = period
    ? {
        indicator: indicator.code,
        level: search.niveau ?? 'gemeente',
        period,
        breakdown: chooseBreakdown(indicator, search.uitsplitsing),
        asOf: search.peildatum ?? null,
      }
    : null;
  const hasNoFigures = periods.isSuccess && periods.stored.length === 0;

  return (
    <>
      {unknown && <ErrorMessage>{t.unknownIndicator(unknown)}</ErrorMessage>}
      <section aria-labelledby="keuze" className="ks-section">
        <Heading level={2} id="keuze">
          {t.controlsHeading}
        </Heading>
        <FigureControls
          // A new choice in the URL (back button, a link) refills the form.
          key={JSON.stringify(selection ?? indicator.code)}
          items={items}
          dimensions={dimensions}
          initial={
            selection ?? {
              indicator: indicator.code,
              level: 'gemeente',
              period: '',
              breakdown: null,
              asOf: null,
            }
          }
        />
      </section>
      {/* With a period in the URL the figures need not wait for the list of periods. */}
      {selection && (search.periode || periods.isSuccess) && !(hasNoFigures && !search.periode) ? (
        <FiguresResult
          selection={selection}
          indicator={indicator}
          catalogue={items}
          dimension={dimensions.find((dimension) => dimension.code === selection.breakdown) ?? null}
        />
      ) : periods.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : periods.isError ? (
        <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>
      ) : (
        <NoFigures indicator={indicator} />
      )}
    </>
  );
}

/** The periods with figures of an indicator, and those to offer and show first. */
function usePeriods(indicator: Indicator | undefined) {
  const query = useQuery({
    ...observationsQuery(periodsPath(indicator?.code ?? '')),
    enabled: indicator !== undefined,
  });
  return useMemo(() => {
    const stored = [...new Set(query.data?.items.map((item) => item.period) ?? [])];
    const offered = indicator ? availablePeriods(stored, indicator.periodTypes, rollsUp(indicator)) : [];
    return {
      isPending: query.isPending,
      isError: query.isError,
      isSuccess: query.isSuccess,
      stored,
      offered,
      defaultPeriod: defaultPeriod(stored, offered),
    };
  }, [query.data, query.isPending, query.isError, query.isSuccess, indicator]);
}

function NoFigures({ indicator }: { indicator: Indicator }) {
  return (
    <section aria-labelledby="geen-cijfers" className="ks-section">
      <Heading level={2} id="geen-cijfers">
        {t.noFiguresHeading}
      </Heading>
      <div className="ks-prose ks-intro">
        <Paragraph>{t.noFigures(indicator.name)}</Paragraph>
        <Paragraph>
          {t.noFiguresHow} <AppLink to="/importeren">{t.importLink}</AppLink>.
        </Paragraph>
        <Paragraph>{t.noFiguresDemo}</Paragraph>
        <pre className="ks-command">
          <code>{t.demoCommand}</code>
        </pre>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The controls

type ControlValues = {
  indicator: string;
  level: string;
  period: string;
  breakdown: string;
  asOf: string;
};

function FigureControls({
  items,
  dimensions,
  initial,
}: {
  items: readonly Indicator[];
  dimensions: readonly Dimension[];
  initial: FiguresSelection;
}) {
  const navigate = useNavigate();
  const [values, setValues] = useState<ControlValues>({
    indicator: initial.indicator,
    level: initial.level,
    period: initial.period,
    breakdown: initial.breakdown ?? '',
    asOf: initial.asOf ?? '',
  });
  const set = (change: Partial<ControlValues>) => setValues((current) => ({ ...current, ...change }));
  const indicator = chooseIndicator(items, values.indicator);
  const periods = usePeriods(indicator);
  const idOf = (field: string) => `cijfers-${field}`;

  // Another indicator may have other periods and breakdowns: keep what still fits, else its defaults.
  const period = periods.offered.includes(values.period)
    ? values.period
    : values.indicator === initial.indicator && values.period
      ? values.period
      : (periods.defaultPeriod ?? '');
  const breakdown = indicator && chooseBreakdown(indicator, values.breakdown) ? values.breakdown : '';

  const indicatorGroups: OptionGroup[] = indicatorsBySource(items).map((group) => ({
    label: SOURCE_LABELS[group.source],
    options: group.items.map((item) => ({ value: item.code, label: item.name })),
  }));
  const periodCodes =
    period && !periods.offered.includes(period) ? [period, ...periods.offered] : periods.offered;
  const periodOptionGroups: OptionGroup[] = periodGroups(periodCodes).map((group) => ({
    label: group.year,
    options: group.periods,
  }));
  const breakdownOptions: Option[] = (indicator?.breakdowns ?? []).map((code) => ({
    value: code,
    label: dimensions.find((dimension) => dimension.code === code)?.name ?? code,
  }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!indicator || !period) return;
    void navigate({
      to: '/cijfers',
      search: figuresSearchFor({
        indicator: indicator.code,
        level: isAreaLevel(values.level) ? values.level : 'gemeente',
        period,
        breakdown: breakdown || null,
        asOf: values.asOf || null,
      }),
    });
  };

  return (
    <form onSubmit={submit} noValidate className="ks-filters">
      <div className="ks-filters__fields">
        <GroupedSelectField
          id={idOf('indicator')}
          label={t.indicator}
          value={indicator?.code ?? ''}
          groups={indicatorGroups}
          onChange={(code) => set({ indicator: code })}
        />
        <SelectField
          id={idOf('niveau')}
          label={t.level}
          value={values.level}
          options={LEVEL_OPTIONS}
          onChange={(level) => set({ level })}
        />
        <GroupedSelectField
          id={idOf('periode')}
          label={t.period}
          description={t.periodDescription}
          value={period}
          groups={periodOptionGroups}
          {...(periodOptionGroups.length === 0
            ? { emptyOption: periods.isPending ? t.periodsLoading : t.noPeriods }
            : {})}
          onChange={(code) => set({ period: code })}
        />
        {breakdownOptions.length > 0 && (
          <SelectField
            id={idOf('uitsplitsing')}
            label={t.breakdown}
            value={breakdown}
            options={breakdownOptions}
            emptyOption={t.breakdownNone}
            onChange={(code) => set({ breakdown: code })}
          />
        )}
        <TextField
          id={idOf('peildatum')}
          label={t.asOf}
          description={t.asOfDescription}
          type="date"
          value={values.asOf}
          onChange={(asOf) => set({ asOf })}
        />
      </div>
      <div className="ks-actions">
        <SubmitButton busy={false}>{t.show}</SubmitButton>
        {initial.asOf && initial.period && (
          <AppLink to="/cijfers" search={figuresSearchFor({ ...initial, asOf: null })}>
            {t.reset}
          </AppLink>
        )}
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The figures

function FiguresResult({
  selection,
  indicator,
  catalogue,
  dimension,
}: {
  selection: FiguresSelection;
  indicator: Indicator;
  catalogue: readonly Indicator[];
  dimension: Dimension | null;
}) {
  const main = useQuery({
    ...observationsQuery(observationsPath(selection)),
    placeholderData: keepPreviousData,
  });
  const totals = useQuery({
    ...observationsQuery(observationsPath({ ...selection, breakdown: null })),
    enabled: dimension !== null,
    placeholderData: keepPreviousData,
  });
  const items = main.data?.items ?? [];
  const names = useAreaNames(items, selection.period);
  const byCode = useMemo(() => new Map(catalogue.map((item) => [item.code, item])), [catalogue]);
  const unit = unitLabel(indicator, byCode);
  const formula = formulaText(indicator);
  const caption =
    t.caption(indicator.name, unit, t.levelSingular[selection.level], periodCodeLabel(selection.period)) +
    (dimension ? t.captionBreakdown(dimension.name) : '') +
    (selection.asOf ? t.captionAsOf(formatDate(selection.asOf)) : '');
  const isFetching = main.isFetching || totals.isFetching;

  return (
    <section aria-labelledby="cijfers-tabel" className="ks-section">
      <Heading level={2} id="cijfers-tabel" className="ks-visually-hidden">
        {caption}
      </Heading>
      <Paragraph role="status" className="ks-result-count">
        {isFetching ? t.updating : ''}
      </Paragraph>
      {main.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : main.isError ? (
        <ErrorMessage>{main.error.message || texts.common.loadError(t.loadWhat)}</ErrorMessage>
      ) : items.length === 0 ? (
        <Paragraph>
          {t.noAreas(t.levels[selection.level].toLocaleLowerCase('nl-NL'), periodCodeLabel(selection.period))}
        </Paragraph>
      ) : (
        <>
          <FiguresTable
            rows={figureRows(items, dimension?.code ?? null, totals.data?.items ?? [])}
            indicator={indicator}
            dimension={dimension}
            caption={caption}
            formula={formula}
            unit={unit}
            nameOf={(code) => names.get(code)}
          />
          <Legend dimension={dimension} />
          <Paragraph className="ks-export">
            {/* A plain link: the server answers with a CSV file to download. */}
            <Link href={observationsPath(selection, 'csv')}>{t.download}</Link>
            <span className="ks-export__description">{t.downloadDescription}</span>
          </Paragraph>
        </>
      )}
    </section>
  );
}

/** Names of the gemeenten a marker names, looked up only when a marker names any. */
function useAreaNames(items: readonly ObservationItem[], period: string): Map<string, string> {
  const codes = missingAreaCodes(items);
  const year = Number(period.slice(0, 4));
  const areas = useQuery({ ...areasQuery({ level: 'gemeente', year }), enabled: codes.length > 0 });
  return useMemo(
    () => new Map((areas.data?.items ?? []).map((area) => [area.code, area.name])),
    [areas.data],
  );
}

interface FiguresTableProps {
  rows: FigureRow[];
  indicator: Indicator;
  dimension: Dimension | null;
  caption: string;
  formula: string | null;
  unit: string;
  nameOf(code: string): string | undefined;
}

function FiguresTable({ rows, indicator, dimension, caption, formula, unit, nameOf }: FiguresTableProps) {
  const [sort, setSort] = useState<FigureSort>({ key: 'name', direction: 'ascending' });
  const sorted = useMemo(() => sortFigureRows(rows, sort), [rows, sort]);
  const directionOf = (key: FigureSortKey) => (sort.key === key ? sort.direction : undefined);
  const onSort = (key: FigureSortKey) => () => setSort((current) => nextFigureSort(current, key));

  const captionId = useId();
  return (
    // A cross table is wider than the screen: the scrolling container takes focus, so it scrolls with the keyboard.
    <TableContainer
      overflowInline
      className="ks-table-container ks-scroll-region"
      tabIndex={0}
      role="region"
      aria-labelledby={captionId}
    >
      <Table className="ks-table ks-figures-table">
        <TableCaption id={captionId} className="ks-table__caption">
          {caption}
          {formula && <span className="ks-figures-table__formula">{formula}</span>}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <SortableHeaderCell
              label={t.area}
              numeric={false}
              direction={directionOf('name')}
              onSort={onSort('name')}
            />
            {dimension ? (
              <>
                <SortableHeaderCell
                  label={t.total}
                  numeric
                  direction={directionOf('total')}
                  onSort={onSort('total')}
                />
                {dimension.values.map((value) => (
                  <SortableHeaderCell
                    key={value.code}
                    label={value.name}
                    numeric
                    direction={directionOf(`value:${value.code}`)}
                    onSort={onSort(`value:${value.code}`)}
                  />
                ))}
                <TableHeaderCell scope="col">{t.note}</TableHeaderCell>
              </>
            ) : (
              <>
                <SortableHeaderCell
                  label={
                    <>
                      {t.value} <span className="ks-figures-table__unit">({unit})</span>
                    </>
                  }
                  numeric
                  direction={directionOf('total')}
                  onSort={onSort('total')}
                />
                <TableHeaderCell scope="col">{t.status}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.origin}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.note}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.versions}</TableHeaderCell>
              </>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((row) => (
            <TableRow key={row.areaCode}>
              <TableHeaderCell scope="row" className="ks-table__row-header">
                <AreaLink area={{ code: row.areaCode, level: row.areaLevel }}>{row.areaName}</AreaLink>
              </TableHeaderCell>
              {dimension ? (
                <CrossCells row={row} dimension={dimension} indicator={indicator} nameOf={nameOf} />
              ) : (
                <PlainCells item={row.total} areaName={row.areaName} indicator={indicator} nameOf={nameOf} />
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function PlainCells({
  item,
  areaName,
  indicator,
  nameOf,
}: {
  item: ObservationItem | undefined;
  areaName: string;
  indicator: Indicator;
  nameOf(code: string): string | undefined;
}) {
  const note = item ? figureNote(item, indicator, nameOf) : null;
  return (
    <>
      <TableCell numericColumn className="ks-nowrap">
        {figureText(item, indicator)}
      </TableCell>
      <TableCell>{item?.status ? t.statuses[item.status] : ''}</TableCell>
      <TableCell>{item?.origin ? t.origins[item.origin] : ''}</TableCell>
      <TableCell className="ks-figures-table__note">{note ?? ''}</TableCell>
      <TableCell>
        {item?.origin === 'geleverd' && (
          <AppLink to="/cijfers/versies" search={versionsSearchFor(item)}>
            {t.versions}
            <span className="ks-visually-hidden">{t.versionsOf(areaName)}</span>
          </AppLink>
        )}
      </TableCell>
    </>
  );
}

/** A row of the cross table: the total and each value, with * when provisional; then the notes, once. */
function CrossCells({
  row,
  dimension,
  indicator,
  nameOf,
}: {
  row: FigureRow;
  dimension: Dimension;
  indicator: Indicator;
  nameOf(code: string): string | undefined;
}) {
  const cells = [
    { code: '', label: t.total, item: row.total },
    ...dimension.values.map((value) => ({
      code: value.code,
      label: value.name,
      item: row.byValue.get(value.code),
    })),
  ];
  const notes = combinedNotes(
    cells.map((cell) => ({
      label: cell.label,
      note: cell.item ? figureNote(cell.item, indicator, nameOf) : null,
    })),
  );
  return (
    <>
      {cells.map((cell) => (
        <TableCell key={cell.code} numericColumn className="ks-nowrap">
          {figureText(cell.item, indicator)}
          {cell.item?.status === 'voorlopig' && (
            <>
              <span aria-hidden="true">{t.provisionalMark}</span>
              <span className="ks-visually-hidden">{t.provisionalHidden}</span>
            </>
          )}
        </TableCell>
      ))}
      <TableCell className="ks-figures-table__note">
        {notes.map((note) => (
          <span key={note} className="ks-figures-table__cell-note">
            {note}
          </span>
        ))}
      </TableCell>
    </>
  );
}

function Legend({ dimension }: { dimension: Dimension | null }) {
  return (
    <div className="ks-figures-legend">
      <Heading level={3}>{t.legendHeading}</Heading>
      <ul className="ks-figures-legend__list">
        {dimension && <li>{t.legendProvisional}</li>}
        {t.legend.map((line) => (
          <li key={line}>{line}</li>
        ))}
        {!dimension && <li>{t.versionsNote}</li>}
      </ul>
    </div>
  );
}
