// SPDX-License-Identifier: EUPL-1.2
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import type { AreaSummary } from '../api/types.ts';
import { formatNumber } from '../lib/format.ts';
import { nextSort, type SortKey, type SortState, sortAreas } from '../lib/sort-areas.ts';
import { texts } from '../texts.ts';
import { AreaLink } from './area-link.tsx';

interface AreaTableProps {
  id?: string;
  caption: string;
  areas: readonly AreaSummary[];
  /** Header of the name column, e.g. "Gemeente". */
  nameLabel?: string;
}

interface Column {
  key: SortKey;
  label: string;
  numeric: boolean;
}

/** A table of areas with their population; every column header sorts. */
export function AreaTable({ id, caption, areas, nameLabel = texts.common.name }: AreaTableProps) {
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'ascending' });
  const rows = useMemo(() => sortAreas(areas, sort), [areas, sort]);
  const columns: Column[] = [
    { key: 'name', label: nameLabel, numeric: false },
    { key: 'code', label: texts.common.code, numeric: false },
    { key: 'population', label: texts.common.inhabitants, numeric: true },
  ];

  return (
    <TableContainer overflowInline className="ks-table-container">
      <Table id={id} className="ks-table">
        <TableCaption className="ks-table__caption">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <SortableHeaderCell
                key={column.key}
                column={column}
                sort={sort}
                onSort={() => setSort((current) => nextSort(current, column.key))}
              />
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((area) => (
            <TableRow key={area.code}>
              <TableHeaderCell scope="row" className="ks-table__row-header">
                <AreaLink area={area}>{area.name}</AreaLink>
              </TableHeaderCell>
              <TableCell>{area.code}</TableCell>
              <TableCell numericColumn>
                {area.population === null ? texts.common.noData : formatNumber(area.population)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

interface SortableHeaderCellProps {
  column: Column;
  sort: SortState;
  onSort: () => void;
}

function SortableHeaderCell({ column, sort, onSort }: SortableHeaderCellProps) {
  const isActive = sort.key === column.key;
  return (
    <TableHeaderCell
      scope="col"
      numericColumn={column.numeric}
      aria-sort={isActive ? sort.direction : undefined}
    >
      <button type="button" className="utrecht-table__header-cell-button ks-sort-button" onClick={onSort}>
        {column.label}
        <SortIcon direction={isActive ? sort.direction : undefined} />
      </button>
    </TableHeaderCell>
  );
}

function SortIcon({ direction }: { direction: SortState['direction'] | undefined }) {
  const points = {
    ascending: '4,11 8,5 12,11',
    descending: '4,5 8,11 12,5',
  };
  return (
    <svg
      className="ks-sort-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {direction ? (
        <polyline points={points[direction]} fill="none" stroke="currentColor" strokeWidth="2" />
      ) : (
        <path d="M4 6l4-4 4 4M4 10l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  );
}
