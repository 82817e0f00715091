// SPDX-License-Identifier: EUPL-1.2

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
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
} from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import { COMPARISON_LABELS } from '../../../src/shared/dashboards.ts';
import { isNotFound } from '../api/client.ts';
import { indicatorQuery, type MapResponse, mapPath, mapQuery } from '../api/dashboard-queries.ts';
import { type Indicator, indicatorsQuery } from '../api/figures-queries.ts';
import type { MapLevel } from '../api/types.ts';
import { EChart } from '../charts/echart.tsx';
import { AppLink } from '../components/app-link.tsx';
import { AreaLink } from '../components/area-link.tsx';
import { Fact } from '../components/fact.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { areaPath } from '../lib/area-paths.ts';
import { breakdownNames } from '../lib/figures.ts';
import { type IndicatorPageSearch, withLevel, withMeasure, withPeriod } from '../lib/home-search.ts';
import { figureText, formatValue, histogramBins, measureName } from '../lib/overview.ts';
import { FUNNEL_GROUPS, funnelModel, hasFunnel, histogramOption } from '../lib/overview-charts.ts';
import { overviewTexts as t } from '../lib/overview-texts.ts';
import { levelTexts, texts } from '../texts.ts';
import { FigureChoices } from './overview-controls.tsx';
import { responseNames } from './overview-map.tsx';
import {
  DownloadLinks,
  FigureNotes,
  FigureTable,
  figureFormatOf,
  SyntheticNotice,
} from './overview-parts.tsx';

/**
 * `/indicator/vt_meldingen?periode=2024JJ00&niveau=provincie`: what an indicator means, and its figures for
 * every area: a funnel plot against the national figure (for rates and percentages), the distribution, and
 * all areas in a table. Areas too small to compare are listed as such, never ranked.
 */
export function IndicatorPage({ code, search }: { code: string; search: IndicatorPageSearch }) {
  const navigate = useNavigate();
  const indicator = useQuery(indicatorQuery(code));
  const catalogue = useQuery(indicatorsQuery());
  const level: MapLevel = search.niveau ?? 'gemeente';
  const figures = useQuery({
    ...mapQuery({ indicator: code, level, period: search.periode, measure: search.maat }),
    placeholderData: keepPreviousData,
    enabled: !indicator.isError,
  });
  useDocumentTitle(indicator.data ? t.indicatorDocumentTitle(indicator.data.name) : undefined);
  const go = (next: IndicatorPageSearch) => {
    void navigate({ to: '/indicator/$code', params: { code }, search: next, replace: true });
  };

  if (indicator.isError) {
    return (
      <>
        <Heading level={1}>{isNotFound(indicator.error) ? t.indicatorNotFound(code) : code}</Heading>
        {!isNotFound(indicator.error) && <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>}
        <Paragraph>
          <AppLink to="/indicatoren">{t.catalogueLink}</AppLink>
        </Paragraph>
      </>
    );
  }
  if (!indicator.data) return <LoadingMessage>{texts.common.loading}</LoadingMessage>;

  return (
    <>
      <Heading level={1}>{indicator.data.name}</Heading>
      <SyntheticNotice show={figures.data?.syntheticData ?? catalogue.data?.syntheticData ?? false} />
      <About
        indicator={indicator.data}
        dimensions={catalogue.data?.dimensions ?? []}
        response={figures.data}
      />
      {figures.data ? (
        <>
          <section aria-labelledby="keuze" className="ks-section">
            <Heading level={2} id="keuze">
              {t.controlsHeading}
            </Heading>
            <div className="ks-filters__fields">
              <FigureChoices
                periods={figures.data.periods}
                period={figures.data.period}
                level={level}
                measure={figures.data.measure}
                onPeriod={(period) => go(withPeriod(search, period))}
                onLevel={(next) => go(withLevel(search, next))}
                onMeasure={(measure) => go(withMeasure(search, measure === 'per1000' ? undefined : measure))}
              />
            </div>
            <Paragraph aria-live="polite" className="ks-updating">
              {figures.isPlaceholderData ? t.updating : ''}
            </Paragraph>
          </section>
          <Figures response={figures.data} />
        </>
      ) : figures.isError ? (
        <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>
      ) : (
        <LoadingMessage>{t.loading}</LoadingMessage>
      )}
    </>
  );
}

function About({
  indicator,
  dimensions,
  response,
}: {
  indicator: Indicator;
  dimensions: readonly { code: string; name: string }[];
  response: MapResponse | undefined;
}) {
  const headingId = useId();
  const higher =
    indicator.higherIsBetter === null
      ? t.higherNeither
      : indicator.higherIsBetter
        ? t.higherBetter
        : t.higherWorse;
  return (
    <section aria-labelledby={headingId} className="ks-section">
      <Heading level={2} id={headingId}>
        {t.aboutHeading}
      </Heading>
      <DataList className="ks-facts ks-indicator__facts">
        <Fact label={t.definition}>{indicator.definition}</Fact>
        <Fact label={t.sourceLabel}>{response?.indicator.sourceLabel ?? indicator.source}</Fact>
        <Fact label={t.unit}>{t.unitNames[indicator.unit]}</Fact>
        <Fact label={t.breakdowns}>
          {indicator.breakdowns.length > 0
            ? breakdownNames(indicator.breakdowns, dimensions).join(', ')
            : t.noBreakdowns}
        </Fact>
        <Fact label={t.higherIsBetter}>{higher}</Fact>
        <Fact label={t.code}>
          <code className="ks-code">{indicator.code}</code>
        </Fact>
      </DataList>
      <ul className="ks-plain-list ks-indicator-links">
        <li>
          <AppLink to="/" search={indicator.code === 'vt_meldingen' ? {} : { indicator: indicator.code }}>
            {t.overviewLink}
          </AppLink>
        </li>
        <li>
          <AppLink to="/indicatoren" hash={`indicator-${indicator.code}`}>
            {t.catalogueLink}
          </AppLink>
        </li>
      </ul>
    </section>
  );
}

function Figures({ response }: { response: MapResponse }) {
  const names = responseNames(response);
  const allId = useId();
  return (
    <>
      <FunnelSection response={response} />
      <DistributionSection response={response} />
      <section aria-labelledby={allId} className="ks-section">
        <Heading level={2} id={allId}>
          {t.allAreasHeading(levelTexts[response.level].plural)}
        </Heading>
        <FigureTable
          response={response}
          detailed
          caption={t.tableCaption(names.title, names.level, names.period)}
        />
        <FigureNotes response={response} />
        <DownloadLinks
          jsonPath={mapPath({
            indicator: response.indicator.code,
            period: response.period,
            level: response.level,
            measure: response.measure,
          })}
        />
      </section>
    </>
  );
}

const CHART_HEIGHT = 420;

function FunnelSection({ response }: { response: MapResponse }) {
  const headingId = useId();
  const summaryId = useId();
  const tooFewId = useId();
  const navigate = useNavigate();
  const format = figureFormatOf(response);
  const model = useMemo(
    () => (hasFunnel(response) ? funnelModel(response, figureFormatOf(response)) : null),
    [response],
  );
  const levelPlural = levelTexts[response.level].pluralLower;

  if (!model) {
    return response.measure === 'aantal' ? (
      <section aria-labelledby={headingId} className="ks-section">
        <Heading level={2} id={headingId}>
          {t.funnelHeading}
        </Heading>
        <Paragraph className="ks-prose">{t.funnelNone}</Paragraph>
      </section>
    ) : null;
  }

  const summary = FUNNEL_GROUPS.map((group) =>
    t.funnelSummaryPart(model.counts.get(group.comparison) ?? 0, COMPARISON_LABELS[group.comparison]),
  ).join(', ');
  const names = responseNames(response);

  return (
    <section aria-labelledby={headingId} className="ks-section">
      <Heading level={2} id={headingId}>
        {t.funnelHeading}
      </Heading>
      <Paragraph className="ks-prose">{t.funnelIntro}</Paragraph>
      <EChart
        option={model.option}
        label={t.funnelLabel(response.indicator.name, measureName(format))}
        describedBy={summaryId}
        height={CHART_HEIGHT}
        className="ks-funnel"
        onClick={(event) => {
          const item =
            event.seriesIndex === undefined
              ? undefined
              : model.pointsBySeries.get(event.seriesIndex)?.[event.dataIndex];
          if (item) void navigate({ href: areaPath(response.level, item.areaCode) });
        }}
      />
      <Paragraph id={summaryId}>
        {t.funnelSummary(summary)}{' '}
        {t.reference(response.reference.label, figureText(response.reference, format))}
      </Paragraph>
      <section aria-labelledby={tooFewId} className="ks-too-few">
        <Heading level={3} id={tooFewId}>
          {t.tooFewHeading} ({model.tooFew.length})
        </Heading>
        {model.tooFew.length === 0 ? (
          <Paragraph>{t.tooFewNone}</Paragraph>
        ) : (
          <>
            <Paragraph className="ks-prose">{t.tooFewIntro(model.tooFew.length, levelPlural)}</Paragraph>
            <ul aria-label={`${t.tooFewHeading}: ${names.title}`} className="ks-too-few__list">
              {model.tooFew.map((item) => (
                <li key={item.areaCode}>
                  <AreaLink area={{ code: item.areaCode, level: response.level }}>{item.areaName}</AreaLink>:{' '}
                  {figureText(item, format)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </section>
  );
}

function DistributionSection({ response }: { response: MapResponse }) {
  const headingId = useId();
  const tableId = useId();
  const levelPlural = levelTexts[response.level].pluralLower;
  // One response, one histogram: derived together so the chart's option only changes with the figures.
  const { format, values, bins, binLabels, option } = useMemo(() => {
    const format = figureFormatOf(response);
    const values = response.items.flatMap((item) =>
      item.status === 'getoond' && item.value !== null ? [item.value] : [],
    );
    const bins = histogramBins(values);
    const binLabels = bins.map((bin, index) =>
      (index === bins.length - 1 ? t.binRangeLast : t.binRange)(
        formatValue(bin.from, format),
        formatValue(bin.to, format),
      ),
    );
    // Short labels under the bars ("3,0–3,5"); the table spells them out.
    const option = histogramOption(
      bins,
      (bin) => `${formatValue(bin.from, format)}–${formatValue(bin.to, format)}`,
      t.binCountColumn(levelTexts[response.level].pluralLower),
    );
    return { format, values, bins, binLabels, option };
  }, [response]);
  if (bins.length === 0) return null;
  const measure = measureName(format);

  return (
    <section aria-labelledby={headingId} className="ks-section">
      <Heading level={2} id={headingId}>
        {t.distributionHeading}
      </Heading>
      <Paragraph>{t.distributionIntro(values.length, levelPlural)}</Paragraph>
      <EChart
        option={option}
        label={t.distributionLabel(response.indicator.name, measure)}
        describedBy={tableId}
        height={320}
        className="ks-histogram"
      />
      <TableContainer className="ks-table-container">
        <Table id={tableId} className="ks-table ks-table--narrow">
          <TableCaption className="ks-table__caption">
            {t.distributionCaption(response.indicator.name, measure)}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.binColumn}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t.binCountColumn(levelPlural)}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {bins.map((bin, index) => (
              <TableRow key={bin.from}>
                <TableHeaderCell scope="row" className="ks-table__row-header">
                  {binLabels[index]}
                </TableHeaderCell>
                <TableCell numericColumn>{bin.count}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
