// SPDX-License-Identifier: EUPL-1.2
/** The gemeenten of a region, province or the Netherlands side by side: one row each, a column per key figure. */
import {
  Heading,
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
import type { KeyFigure, ProfileResponse } from '../api/dashboard-queries.ts';
import { AreaLink } from '../components/area-link.tsx';
import { figureText, type MemberSort, nextMemberSort, sortMemberRows } from '../lib/profile-search.ts';
import { texts } from '../texts.ts';
import { SortableHeaderCell } from './figures-parts.tsx';

const t = texts.profile;

type Members = NonNullable<ProfileResponse['members']>;

export function ProfileMembers({
  members,
  areaName,
  periodLabel,
  keyFigures,
}: {
  members: Members;
  areaName: string;
  periodLabel: string;
  keyFigures: readonly KeyFigure[];
}) {
  const [sort, setSort] = useState<MemberSort>({ column: 'name', direction: 'ascending' });
  const rows = useMemo(() => sortMemberRows(members.rows, sort), [members.rows, sort]);
  // The measure and unit of a column come from the key figure of the same indicator.
  const formats = members.columns.map((column, index) => {
    const figure = keyFigures.find((one) => one.indicator.code === column.indicator);
    const shown = members.rows.map((row) => row.values[index]).filter((one) => one?.status === 'getoond');
    return {
      measure: figure?.measure ?? 'waarde',
      unit: figure?.indicator.unit ?? 'aantal',
      // A column of provisional figures says so once, in its header, rather than in every cell.
      allProvisional: shown.length > 0 && shown.every((one) => one?.provisional),
    } as const;
  });
  const directionOf = (column: MemberSort['column']) => (sort.column === column ? sort.direction : undefined);

  return (
    <section aria-labelledby="kerncijfers-gemeenten" className="ks-section">
      <Heading level={2} id="kerncijfers-gemeenten">
        {t.membersHeading(areaName)}
      </Heading>
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table ks-members-table">
          <TableCaption className="ks-table__caption">
            {t.membersCaption(areaName, periodLabel, members.rows.length)}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <SortableHeaderCell
                label={t.membersName}
                numeric={false}
                direction={directionOf('name')}
                onSort={() => setSort((current) => nextMemberSort(current, 'name'))}
              />
              {members.columns.map((column, index) => (
                <SortableHeaderCell
                  key={column.indicator}
                  label={
                    <span>
                      {column.name}
                      <span className="ks-members-table__measure">
                        {' '}
                        ({column.measureLabel}
                        {formats[index]?.allProvisional ? `, ${t.provisionalWord}` : ''})
                      </span>
                    </span>
                  }
                  numeric
                  direction={directionOf(index)}
                  onSort={() => setSort((current) => nextMemberSort(current, index))}
                />
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.areaCode}>
                <TableHeaderCell scope="row" className="ks-table__row-header">
                  <AreaLink area={{ code: row.areaCode, level: 'gemeente' }}>{row.areaName}</AreaLink>
                </TableHeaderCell>
                {row.values.map((value, index) => {
                  const format = formats[index] ?? {
                    measure: 'waarde',
                    unit: 'aantal',
                    allProvisional: false,
                  };
                  const shown = format.allProvisional ? { ...value, provisional: false } : value;
                  return (
                    <TableCell key={members.columns[index]?.indicator ?? index} numericColumn>
                      {figureText(shown, format.measure, format.unit)}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
