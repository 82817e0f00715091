// SPDX-License-Identifier: EUPL-1.2

/**
 * /vergelijken: two to five areas (any level) side by side over time for one indicator. A line chart (one line
 * per area; provisional figures dashed with a hollow symbol, figures changed since a date marked) and a table
 * with the same figures, the accessible alternative, with CSV and XLSX downloads. The choices live in the URL.
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  Alert,
  Button,
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
import { useEffect, useId, useMemo, useState } from 'react';
import { SOURCE_LABELS } from '../../../src/shared/figures.ts';
import { type SeriesResponse, seriesPath, seriesQuery } from '../api/dashboard-queries.ts';
import { type Indicator, indicatorsQuery } from '../api/figures-queries.ts';
import { areaQuery } from '../api/queries.ts';
import { EChart } from '../charts/echart.tsx';
import { DownloadItems } from '../components/download-links.tsx';
import { CheckboxField, SelectField, TextField } from '../components/form.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import {
  type CompareSearch,
  type CompareSelection,
  changedText,
  compareSearchFor,
  compareSelectionOf,
  MAX_COMPARE_AREAS,
  MIN_COMPARE_AREAS,
  measuresFor,
  seriesParamsOf,
  trendChartOption,
  trendRows,
} from '../lib/compare-search.ts';
import { indicatorsBySource, isIsoDate } from '../lib/figures.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { figureText } from '../lib/profile-search.ts';
import { texts } from '../texts.ts';
import { GroupedSelectField } from './figures-parts.tsx';
import { AreaPicker, type PickedArea } from './profile-area-picker.tsx';

const t = texts.compare;
const LEVELS = ['gemeente', 'veiligthuisregio', 'provincie', 'land'] as const;

export function ComparePage({ search }: { search: CompareSearch }) {
  useDocumentTitle(t.documentTitle);
  const selection = compareSelectionOf(search);
  const navigate = useNavigate();
  const select = (next: CompareSelection) =>
    void navigate({ to: '/vergelijken', search: compareSearchFor(next), resetScroll: false });
  const catalogue = useQuery(indicatorsQuery());
  const indicator = catalogue.data?.items.find((item) => item.code === selection.indicator);

  return (
    <>
      <Heading level={1}>{t.heading}</Heading>
      <Paragraph className="ks-prose">{t.intro}</Paragraph>
      <section aria-labelledby="keuze" className="ks-section">
        <Heading level={2} id="keuze">
          {t.controlsHeading}
        </Heading>
        {catalogue.isPending ? (
          <LoadingMessage>{texts.common.loading}</LoadingMessage>
        ) : catalogue.isError ? (
          <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>
        ) : (
          <CompareControls
            selection={selection}
            indicators={catalogue.data.items}
            indicator={indicator}
            onSelect={select}
          />
        )}
        <ChosenAreas selection={selection} onSelect={select} />
      </section>
      {selection.areas.length > 0 && <CompareResult selection={selection} />}
    </>
  );
}

function CompareControls({
  selection,
  indicators,
  indicator,
  onSelect,
}: {
  selection: CompareSelection;
  indicators: readonly Indicator[];
  indicator: Indicator | undefined;
  onSelect(selection: CompareSelection): void;
}) {
  const id = useId();
  const measures = indicator ? measuresFor(indicator) : [];
  const measure = selection.measure && measures.includes(selection.measure) ? selection.measure : measures[0];
  const [date, setDate] = useState(selection.changedSince ?? '');
  // Back and forward (or a link) bring another date: show it.
  useEffect(() => setDate(selection.changedSince ?? ''), [selection.changedSince]);

  return (
    <form className="ks-compare__controls" onSubmit={(event) => event.preventDefault()}>
      <GroupedSelectField
        id={`${id}-indicator`}
        label={t.indicator}
        value={selection.indicator}
        groups={indicatorsBySource(indicators).map((group) => ({
          label: SOURCE_LABELS[group.source],
          options: group.items.map((item) => ({ value: item.code, label: item.name })),
        }))}
        onChange={(value) => onSelect({ ...selection, indicator: value, measure: null })}
      />
      {measures.length > 1 && measure && (
        <SelectField
          id={`${id}-measure`}
          label={t.measure}
          value={measure}
          options={measures.map((value) => ({ value, label: t.measures[value] }))}
          onChange={(value) =>
            onSelect({ ...selection, measure: measures.find((option) => option === value) ?? null })
          }
        />
      )}
      <CheckboxField
        id={`${id}-division`}
        label={t.division}
        description={t.divisionDescription}
        checked={selection.division === 'huidig'}
        onChange={(checked) => onSelect({ ...selection, division: checked ? 'huidig' : 'historisch' })}
      />
      <TextField
        id={`${id}-since`}
        type="date"
        label={t.changedSince}
        description={t.changedSinceDescription}
        value={date}
        onChange={(value) => {
          setDate(value);
          // A date input reports "" while a date is half typed: only a whole date (or leaving it empty) counts.
          if (isIsoDate(value)) onSelect({ ...selection, changedSince: value });
        }}
      />
      {date === '' && selection.changedSince && (
        <Paragraph>
          <Button
            type="button"
            appearance="subtle-button"
            onClick={() => onSelect({ ...selection, changedSince: null })}
          >
            {t.clearDate}
          </Button>
        </Paragraph>
      )}
    </form>
  );
}

function ChosenAreas({
  selection,
  onSelect,
}: {
  selection: CompareSelection;
  onSelect(selection: CompareSelection): void;
}) {
  const areas = useQueries({ queries: selection.areas.map((code) => areaQuery(code)) });
  const chosen: PickedArea[] = selection.areas.map((code, index) => {
    const area = areas[index]?.data;
    return { code, name: area?.name ?? code, ...(area ? { level: area.level } : {}) };
  });
  return (
    <AreaPicker
      heading={t.areasHeading}
      headingLevel={3}
      levels={LEVELS}
      chosen={chosen}
      max={MAX_COMPARE_AREAS}
      emptyText={t.needMore}
      countText={
        chosen.length > 0
          ? `${t.areasCount(chosen.length, MAX_COMPARE_AREAS)}${chosen.length < MIN_COMPARE_AREAS ? ` ${t.needMore}` : ''}`
          : undefined
      }
      onAdd={(area) => onSelect({ ...selection, areas: [...selection.areas, area.code] })}
      onRemove={(area) =>
        onSelect({ ...selection, areas: selection.areas.filter((code) => code !== area.code) })
      }
    />
  );
}

function CompareResult({ selection }: { selection: CompareSelection }) {
  const params = seriesParamsOf(selection);
  const query = useQuery({
    ...seriesQuery(params ?? { indicator: selection.indicator, areas: [] }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
  if (!params) return null;
  if (query.isPending) return <LoadingMessage>{texts.common.loading}</LoadingMessage>;
  if (query.isError) return <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>;
  return <SeriesView series={query.data} apiPath={seriesPath(params)} busy={query.isFetching} />;
}

function SeriesView({ series, apiPath, busy }: { series: SeriesResponse; apiPath: string; busy: boolean }) {
  const id = useId();
  const { indicator, measure } = series;
  const unit = indicator.unit;
  const lines = useMemo(
    () => series.series.map((one) => ({ name: one.areaName, points: one.points })),
    [series.series],
  );
  const option = useMemo(
    () => trendChartOption(lines, measure, unit, { legend: true, changedSince: series.changedSince }),
    [lines, measure, unit, series.changedSince],
  );
  const rows = useMemo(() => trendRows(lines), [lines]);
  const points = series.series.flatMap((one) => one.points);
  const hasFigures = points.some((point) => point.status === 'getoond');
  const hasProvisional = points.some((point) => point.provisional && point.status === 'getoond');
  const hasChanged = points.some((point) => point.changed);
  const hasGaps = points.some((point) => point.status !== 'getoond');
  const names = lines.map((line) => line.name).join(', ');

  return (
    <section aria-labelledby={`${id}-heading`} className="ks-section ks-compare__result" aria-busy={busy}>
      <Heading level={2} id={`${id}-heading`}>
        {t.chartHeading(indicator.name)}
      </Heading>
      <Paragraph className="ks-prose">{indicator.definition}</Paragraph>
      {series.syntheticData && (
        <Alert type="warning" className="ks-notice">
          <Paragraph>{texts.profile.synthetic}</Paragraph>
        </Alert>
      )}
      {!hasFigures ? (
        <Paragraph>{t.noSeries}</Paragraph>
      ) : (
        <figure className="ks-figure">
          <EChart
            option={option}
            height={360}
            label={t.chartLabel(indicator.name, series.measureLabel, names)}
          />
          <figcaption className="ks-chart-note">
            {hasProvisional && <span className="ks-chart-note__line">{t.legendProvisional}</span>}
            {hasChanged && series.changedSince && (
              <span className="ks-chart-note__line">{t.legendChanged(formatDate(series.changedSince))}</span>
            )}
            {hasGaps && <span className="ks-chart-note__line">{t.legendGaps}</span>}
          </figcaption>
        </figure>
      )}
      {series.division === 'huidig' && series.method && (
        <Paragraph className="ks-method">
          <strong>{t.method}:</strong> {series.method}
        </Paragraph>
      )}
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table ks-compare-table">
          <TableCaption className="ks-table__caption">
            {t.tableCaption(indicator.name, series.measureLabel)}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.period}</TableHeaderCell>
              {series.series.map((one) => (
                <TableHeaderCell key={one.areaCode} scope="col" numericColumn>
                  {one.areaName}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.period.code}>
                <TableHeaderCell scope="row">{row.period.label}</TableHeaderCell>
                {row.cells.map((point, index) => {
                  const changed = changedText(point, measure, unit, series.changedSince);
                  return (
                    <TableCell key={series.series[index]?.areaCode ?? index} numericColumn>
                      <span className="ks-compare-table__value">{figureText(point, measure, unit)}</span>
                      {changed && <span className="ks-compare-table__changed">{changed}</span>}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <ul className="ks-plain-list ks-downloads">
        <DownloadItems apiPath={apiPath} csv={t.downloadCsv} xlsx={t.downloadXlsx} />
      </ul>
      {series.notes.length > 0 && (
        <ul className="ks-notes">
          {series.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {series.sources.length > 0 && (
        <Paragraph className="ks-generated">
          {series.sources.join('; ')}. {texts.profile.generatedAt(formatDateTime(series.generatedAt))}
        </Paragraph>
      )}
    </section>
  );
}
