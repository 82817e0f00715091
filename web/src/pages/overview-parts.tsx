// SPDX-License-Identifier: EUPL-1.2

/**
 * Parts shared by the overview and the indicator page: the synthetic-data warning, what is under every map or
 * chart (measure, source, protection, notes), the downloads, a radio switch, and the sortable table of areas.
 */
import {
  Alert,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
  RadioButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useMemo, useState } from 'react';
import { COMPARISON_LABELS } from '../../../src/shared/dashboards.ts';
import type { MapItem, MapResponse } from '../api/dashboard-queries.ts';
import { AreaLink } from '../components/area-link.tsx';
import { DownloadItems } from '../components/download-links.tsx';
import {
  baseName,
  type FigureFormat,
  figureText,
  formatCount,
  formatValue,
  type ItemSort,
  type ItemSortKey,
  measureName,
  nextItemSort,
  sortItems,
} from '../lib/overview.ts';
import { overviewTexts as t } from '../lib/overview-texts.ts';
import { levelTexts, texts } from '../texts.ts';

/** How the figures of a map response are written. */
export function figureFormatOf(response: MapResponse): FigureFormat {
  return { measure: response.measure, unit: response.indicator.unit, measureLabel: response.measureLabel };
}

/** "Let op: demogegevens zijn synthetisch", while the demo's figures are in the database (as on /cijfers). */
export function SyntheticNotice({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <Alert type="warning" className="ks-notice">
      <Heading level={2} className="ks-notice__heading">
        {texts.figures.demoNotice}
      </Heading>
      <Paragraph>{texts.figures.demoNoticeBody}</Paragraph>
    </Alert>
  );
}

/**
 * Under a map or chart: the measure and the national figure, the sources ("Bron: …", as the API writes them),
 * how many areas are afgeschermd, and the API's notes (protection, method, division).
 */
export function FigureNotes({ response }: { response: MapResponse }) {
  const format = figureFormatOf(response);
  const hidden = response.protection.hiddenCount;
  return (
    <div className="ks-figure-notes">
      <Paragraph>
        {t.measureLine(measureName(format))}{' '}
        {t.reference(response.reference.label, figureText(response.reference, format))}
        {hidden > 0 && ` ${t.hiddenCount(hidden, levelTexts[response.level].pluralLower)}`}
      </Paragraph>
      {response.sources.length > 0 && <Paragraph>{t.sources(response.sources)}</Paragraph>}
      {response.notes.length > 0 && (
        <ul className="ks-figure-notes__list">
          {response.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** CSV and XLSX of exactly what the page shows: the API URL of the page's figures with `format=`. */
export function DownloadLinks({ jsonPath }: { jsonPath: string }) {
  const id = useId();
  return (
    <nav aria-labelledby={`${id}-label`} className="ks-downloads">
      <Heading level={3} id={`${id}-label`} className="ks-downloads__heading">
        {t.downloadsLabel}
      </Heading>
      <Paragraph className="ks-downloads__description">{t.downloadsDescription}</Paragraph>
      <ul className="ks-plain-list ks-downloads__list">
        <DownloadItems apiPath={jsonPath} csv={t.downloadCsv} xlsx={t.downloadXlsx} />
      </ul>
    </nav>
  );
}

export interface RadioOption<T extends string> {
  value: T;
  label: string;
}

/** A group of radio buttons that applies its choice at once (the content below changes, not the page). */
export function RadioSwitch<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange(value: T): void;
}) {
  const baseId = useId();
  return (
    <Fieldset className="ks-level-switch">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <div className="ks-level-switch__options">
        {options.map((option) => {
          const id = `${baseId}-${option.value}`;
          const checked = option.value === value;
          return (
            <FormField
              key={option.value}
              type="radio"
              input={
                <RadioButton
                  id={id}
                  name={`${baseId}-choice`}
                  value={option.value}
                  checked={checked}
                  onChange={() => onChange(option.value)}
                />
              }
              label={
                <FormLabel htmlFor={id} type="radio" checked={checked}>
                  {option.label}
                </FormLabel>
              }
            />
          );
        })}
      </div>
    </Fieldset>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The table of all areas

interface Column {
  key: ItemSortKey | 'interval' | 'comparison';
  label: string;
  numeric: boolean;
  sortable: boolean;
}

/**
 * Every area of the response with its figure: the accessible alternative of the map (same texts as the map's
 * labels). The indicator page adds the 95% interval and the comparison with the national figure.
 */
export function FigureTable({
  response,
  id,
  caption,
  detailed = false,
  className,
}: {
  response: MapResponse;
  id?: string;
  caption: string;
  /** With inhabitants, interval and comparison columns (indicator page). */
  detailed?: boolean;
  className?: string;
}) {
  const [sort, setSort] = useState<ItemSort>({ key: 'name', direction: 'ascending' });
  const rows = useMemo(() => sortItems(response.items, sort), [response.items, sort]);
  const format = figureFormatOf(response);
  const isRate = response.measure !== 'aantal';
  const hasCounts = isRate && response.items.some((item) => item.count !== null);
  // Beside the map there is no room for the inhabitants; the indicator page shows them.
  const hasBase = detailed && isRate && response.items.some((item) => item.base !== null);
  const hasRanks = response.items.some((item) => item.rank !== null);
  const hasComparison = detailed && response.items.some((item) => item.comparison !== null);
  const columns: Column[] = [
    { key: 'name', label: levelTexts[response.level].label, numeric: false, sortable: true },
    { key: 'value', label: t.value(measureName(format)), numeric: true, sortable: true },
    ...(hasCounts ? [{ key: 'count', label: t.count, numeric: true, sortable: true } as const] : []),
    ...(hasBase ? [{ key: 'base', label: baseName(format), numeric: true, sortable: true } as const] : []),
    ...(detailed && isRate
      ? [{ key: 'interval', label: t.interval, numeric: true, sortable: false } as const]
      : []),
    ...(hasComparison
      ? [{ key: 'comparison', label: t.comparison, numeric: false, sortable: false } as const]
      : []),
    ...(hasRanks ? [{ key: 'rank', label: t.rank, numeric: true, sortable: true } as const] : []),
  ];

  return (
    <TableContainer overflowInline className={['ks-table-container', className].filter(Boolean).join(' ')}>
      <Table id={id} className="ks-table ks-figure-table">
        <TableCaption className="ks-table__caption">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <HeaderCell
                key={column.key}
                column={column}
                sort={sort}
                onSort={() =>
                  column.key !== 'interval' &&
                  column.key !== 'comparison' &&
                  setSort((current) => nextItemSort(current, column.key as ItemSortKey))
                }
              />
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((item) => (
            <TableRow key={item.areaCode} data-code={item.areaCode}>
              <TableHeaderCell scope="row" className="ks-table__row-header">
                <AreaLink area={{ code: item.areaCode, level: response.level }}>{item.areaName}</AreaLink>
              </TableHeaderCell>
              {columns.slice(1).map((column) => (
                <TableCell key={column.key} numericColumn={column.numeric}>
                  {cellText(item, column.key, format)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function cellText(item: MapItem, key: Column['key'], format: FigureFormat): string {
  switch (key) {
    case 'value':
      return figureText(item, format, false);
    case 'count':
      return formatCount(item.count);
    case 'base':
      return formatCount(item.base);
    case 'interval':
      return item.interval
        ? `${formatValue(item.interval.low, format)} – ${formatValue(item.interval.high, format)}`
        : t.notShown;
    case 'comparison':
      return item.comparison ? COMPARISON_LABELS[item.comparison] : t.notShown;
    case 'rank':
      return item.rank !== null && item.comparison !== 'te weinig' ? String(item.rank) : t.notRanked;
    default:
      return item.areaName;
  }
}

function HeaderCell({ column, sort, onSort }: { column: Column; sort: ItemSort; onSort: () => void }) {
  const isActive = column.sortable && sort.key === column.key;
  return (
    <TableHeaderCell
      scope="col"
      numericColumn={column.numeric}
      aria-sort={isActive ? sort.direction : undefined}
    >
      {column.sortable ? (
        <button type="button" className="utrecht-table__header-cell-button ks-sort-button" onClick={onSort}>
          {column.label}
          <SortIcon direction={isActive ? sort.direction : undefined} />
        </button>
      ) : (
        column.label
      )}
    </TableHeaderCell>
  );
}

function SortIcon({ direction }: { direction: ItemSort['direction'] | undefined }) {
  return (
    <svg
      className="ks-sort-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {direction === 'ascending' ? (
        <polyline points="4,11 8,5 12,11" fill="none" stroke="currentColor" strokeWidth="2" />
      ) : direction === 'descending' ? (
        <polyline points="4,5 8,11 12,5" fill="none" stroke="currentColor" strokeWidth="2" />
      ) : (
        <path d="M4 6l4-4 4 4M4 10l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  );
}
