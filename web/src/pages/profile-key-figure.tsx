// SPDX-License-Identifier: EUPL-1.2
/**
 * One key figure of an area profile: the area's figure, how it compares with its region, the Netherlands and
 * the comparison group, and its trend over the years as a chart with the same figures as a table.
 */
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import type { KeyFigure } from '../api/dashboard-queries.ts';
import { EChart } from '../charts/echart.tsx';
import { trendChartOption } from '../lib/compare-search.ts';
import { figureText, formatMeasure } from '../lib/profile-search.ts';
import { texts } from '../texts.ts';

const t = texts.profile;

export function KeyFigureCard({
  figure,
  areaName,
  periodLabel,
}: {
  figure: KeyFigure;
  areaName: string;
  periodLabel: string;
}) {
  const id = useId();
  const { indicator, measure } = figure;
  const unit = indicator.unit;
  const text = (one: Parameters<typeof figureText>[0]) => figureText(one, measure, unit);
  const lines = useMemo(() => [{ name: areaName, points: figure.trend }], [areaName, figure.trend]);
  const option = useMemo(() => trendChartOption(lines, measure, unit), [lines, measure, unit]);
  const hasTrend = figure.trend.some((point) => point.status === 'getoond');
  const hasProvisional = figure.trend.some((point) => point.provisional && point.status === 'getoond');

  return (
    <article className="ks-key-figure" aria-labelledby={`${id}-name`}>
      <Heading level={3} id={`${id}-name`} className="ks-key-figure__name">
        {indicator.name}
      </Heading>
      <Paragraph className="ks-key-figure__value">
        <AreaValue figure={figure} />
      </Paragraph>
      <Table className="ks-table ks-key-figure__comparison">
        <TableCaption className="ks-table__caption">
          {t.comparisonCaption(indicator.name, periodLabel)}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.comparisonArea}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t.comparisonValue}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableHeaderCell scope="row">{areaName}</TableHeaderCell>
            <TableCell numericColumn className="ks-key-figure__self-value">
              {text(figure.area)}
            </TableCell>
          </TableRow>
          {figure.comparisons.map((comparison) => (
            <TableRow key={`${comparison.code ?? ''}:${comparison.label}`}>
              <TableHeaderCell scope="row">{comparison.label}</TableHeaderCell>
              <TableCell numericColumn>{text(comparison)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {hasTrend && (
        <div className="ks-key-figure__trend">
          <EChart
            option={option}
            height={180}
            label={t.trendLabel(indicator.name, areaName, figure.measureLabel)}
          />
          {hasProvisional && <Paragraph className="ks-chart-note">{t.trendNote}</Paragraph>}
          <details className="ks-details">
            <summary>{t.trendTableToggle}</summary>
            <Table className="ks-table ks-table--narrow">
              <TableCaption className="ks-table__caption">
                {t.trendCaption(indicator.name, areaName, figure.measureLabel)}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.trendPeriod}</TableHeaderCell>
                  <TableHeaderCell scope="col" numericColumn>
                    {t.comparisonValue}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {figure.trend.map((point) => (
                  <TableRow key={point.period}>
                    <TableHeaderCell scope="row">{point.periodLabel}</TableHeaderCell>
                    <TableCell numericColumn>{text(point)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </details>
        </div>
      )}
    </article>
  );
}

/** "7,1 per 1.000 inwoners (voorlopig)", "afgeschermd: te klein aantal" or "geen gegevens". */
function AreaValue({ figure }: { figure: KeyFigure }) {
  const { area, measure, indicator } = figure;
  if (area.status === 'afgeschermd')
    return (
      <span className="ks-key-figure__hidden">{area.reason ? t.hiddenReason[area.reason] : t.hidden}</span>
    );
  if (area.status === 'geen gegevens' || area.value === null)
    return <span className="ks-key-figure__none">{t.noData}</span>;
  return (
    <>
      <strong className="ks-key-figure__number">{formatMeasure(area.value, measure, indicator.unit)}</strong>{' '}
      <span className="ks-key-figure__measure">{figure.measureLabel}</span>
      {area.provisional && <span className="ks-key-figure__provisional"> {t.provisional}</span>}
      {measure === 'per1000' && area.count !== null && (
        <span className="ks-key-figure__count">
          {' '}
          ({t.count(formatMeasure(area.count, 'aantal', 'aantal'))})
        </span>
      )}
    </>
  );
}
