// SPDX-License-Identifier: EUPL-1.2
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import type { MapItem, MapResponse } from '../api/dashboard-queries.ts';
import type { MapLevel } from '../api/types.ts';
import { AreaLink } from '../components/area-link.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { figureText, formatValue, measureName, ranking } from '../lib/overview.ts';
import { overviewTexts as t } from '../lib/overview-texts.ts';
import { ChoroplethMap } from '../map/choropleth-map.tsx';
import { buildFigureChoropleth } from '../map/logic/figure-choropleth.ts';
import { MapLegend } from '../map/map-legend.tsx';
import { useMapGeometry } from '../map/use-map-geometry.ts';
import { levelTexts, texts } from '../texts.ts';
import { FigureTable, figureFormatOf } from './overview-parts.tsx';

export const FIGURE_TABLE_ID = 'tabel';

/**
 * The texts that name one map response: title "Meldingen bij Veilig Thuis per 1.000 inwoners" (a count or
 * the indicator's own value has no measure in its title), level "gemeente", period "2024".
 */
export function responseNames(response: MapResponse) {
  const measure = response.measure === 'per1000' ? ` ${response.measureLabel}` : '';
  return {
    title: `${response.indicator.name}${measure}`,
    level: levelTexts[response.level].singular,
    period: response.periodLabel,
  };
}

/**
 * The overview's figures: the choropleth map with its legend, the same figures as a sortable table beside it,
 * and the ranking. Map labels, tooltips and table cells are all written by `figureText`.
 */
export function IndicatorMap({ response }: { response: MapResponse }) {
  const descriptionId = useId();
  const level = response.level as MapLevel;
  const boundaries = useMapGeometry(level);
  const { geometry } = boundaries;
  const format = figureFormatOf(response);
  const model = useMemo(() => {
    if (!geometry) return undefined;
    const format = figureFormatOf(response);
    const figures = response.items.map((item) => ({
      code: item.areaCode,
      name: item.areaName,
      value: item.value,
      status: item.status,
      text: figureText(item, format),
    }));
    return buildFigureChoropleth(geometry, figures, level, {
      range: (min, max) =>
        min === max
          ? formatValue(min, format)
          : texts.map.legendRange(formatValue(min, format), formatValue(max, format)),
      hidden: t.hiddenLegend,
      noData: t.noDataLegend,
      noDataArea: t.noData,
    });
  }, [geometry, response, level]);
  const names = responseNames(response);

  if (boundaries.isError)
    return <ErrorMessage>{texts.common.loadError(texts.map.loadingMapWhat)}</ErrorMessage>;

  return (
    <>
      {model ? (
        <>
          <Paragraph id={descriptionId} className="ks-map-description">
            {t.mapDescription(String(model.areas.length), levelTexts[level].pluralLower, names.title)}
          </Paragraph>
          <a href={`#${FIGURE_TABLE_ID}`} className="utrecht-link utrecht-link--html-a ks-skip-map">
            {t.skipMap}
          </a>
        </>
      ) : (
        <LoadingMessage>{texts.map.loadingMap}</LoadingMessage>
      )}
      <div className="ks-overview-layout">
        <div className="ks-overview-layout__map">
          {model && (
            <div className="ks-map-layout ks-map-layout--stacked">
              <ChoroplethMap
                model={model}
                label={t.mapLabel(names.title, names.level, names.period)}
                describedBy={descriptionId}
              />
              <MapLegend entries={model.legend} note={t.legendNote(measureName(format))} headingLevel={3} />
            </div>
          )}
        </div>
        <div className="ks-overview-layout__table">
          <FigureTable
            id={FIGURE_TABLE_ID}
            response={response}
            caption={t.tableCaption(names.title, names.level, names.period)}
            className="ks-table-container--scroll"
          />
        </div>
      </div>
      <Ranking response={response} />
    </>
  );
}

const RANKING_SIZE = 5;

/** The highest and lowest areas by rank; areas too small to compare are left out and that is said. */
export function Ranking({ response }: { response: MapResponse }) {
  const headingId = useId();
  const { highest, lowest } = ranking(response.items, RANKING_SIZE);
  const format = figureFormatOf(response);
  const list = (items: MapItem[], heading: string) => (
    <div className="ks-ranking__list">
      <Heading level={4}>{heading}</Heading>
      <ol className="ks-plain-list">
        {items.map((item) => (
          <li key={item.areaCode}>
            <span className="ks-ranking__rank">{item.rank}.</span>{' '}
            <AreaLink area={{ code: item.areaCode, level: response.level }}>{item.areaName}</AreaLink>:{' '}
            {figureText(item, format)}
          </li>
        ))}
      </ol>
    </div>
  );
  return (
    <section aria-labelledby={headingId} className="ks-section ks-ranking">
      <Heading level={3} id={headingId}>
        {t.rankingHeading}
      </Heading>
      {highest.length === 0 ? (
        <Paragraph>{t.noRanking}</Paragraph>
      ) : (
        <div className="ks-ranking__lists">
          {list(highest, t.highest(highest.length))}
          {lowest.length > 0 && list(lowest, t.lowest(lowest.length))}
        </div>
      )}
      <Paragraph className="ks-ranking__note">{t.rankingNote}</Paragraph>
    </section>
  );
}
