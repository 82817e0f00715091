// SPDX-License-Identifier: EUPL-1.2
import {
  Code,
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
import { useId } from 'react';
import type { ImportReport, IndicatorCatalogue } from '../api/figures-client.ts';
import { changeRows, changesTruncated, problemRows, problemsTruncated } from '../lib/figures-import.ts';
import { formatNumber } from '../lib/format.ts';
import { importTexts as t } from './import-texts.ts';

/** Every problem the report lists (errors and warnings); the error summary's link moves focus here. */
export function ImportProblems({ id, report }: { id: string; report: ImportReport }) {
  const headingId = useId();
  const rows = problemRows(report);
  const truncated = problemsTruncated(report);
  const count = report.errors + report.warnings;
  return (
    <section id={id} tabIndex={-1} aria-labelledby={headingId} className="ks-upload-problems ks-import-part">
      <Heading level={3} id={headingId}>
        {t.problemsHeading}
      </Heading>
      <Paragraph>{t.problemsIntro}</Paragraph>
      {truncated && <Paragraph>{truncated}</Paragraph>}
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table ks-import-problems">
          <TableCaption className="ks-table__caption">
            {t.problemsCaption(report.fileName, count, formatNumber(count))}
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
            {rows.map((row, index) => (
              // Two problems can share row and column; their order is the server's.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <TableRow key={index}>
                <TableCell>
                  <span className={row.isError ? 'ks-severity ks-severity--error' : 'ks-severity'}>
                    {row.severity}
                  </span>
                </TableCell>
                <TableCell numericColumn>{row.row}</TableCell>
                <TableCell>{row.column === null ? t.noColumn : <Code>{row.column}</Code>}</TableCell>
                <TableCell className="ks-upload-problems__value">{row.value}</TableCell>
                <TableCell className="ks-upload-problems__message">{row.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}

/** The figures that are new or change: old and new value with their status. */
export function ImportChanges({
  report,
  catalogue,
}: {
  report: ImportReport;
  catalogue: IndicatorCatalogue | undefined;
}) {
  const rows = changeRows(report, catalogue);
  const truncated = changesTruncated(report);
  if (rows.length === 0) return <Paragraph>{t.noChanges}</Paragraph>;
  const count = report.added + report.changed;
  return (
    <>
      {truncated && <Paragraph>{truncated}</Paragraph>}
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table ks-import-changes">
          <TableCaption className="ks-table__caption">
            {t.changesCaption(count, formatNumber(count))}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.changeColumn}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.indicatorColumn}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.areaColumn}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.periodColumn}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.breakdownColumn}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t.oldColumn}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t.newColumn}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key}>
                <TableCell>{row.kind}</TableCell>
                <TableCell className="ks-import-changes__indicator">
                  {row.indicatorName && <span className="ks-import-changes__name">{row.indicatorName}</span>}
                  <Code>{row.indicatorCode}</Code>
                </TableCell>
                <TableCell>
                  <span className="ks-code">{row.area}</span>
                </TableCell>
                <TableCell className="ks-nowrap">{row.period}</TableCell>
                <TableCell>{row.breakdown}</TableCell>
                <TableCell numericColumn className="ks-nowrap">
                  {row.oldValue}
                </TableCell>
                <TableCell numericColumn className="ks-nowrap">
                  {row.newValue}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
