// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import { areasQuery } from '../api/queries.ts';
import type { MapLevel } from '../api/types.ts';
import { AreaTable } from '../components/area-table.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { formatDate } from '../lib/format.ts';
import { levelTexts, texts } from '../texts.ts';
import { ChoroplethMap } from './choropleth-map.tsx';
import { buildChoropleth } from './logic/choropleth.ts';
import { MapLegend } from './map-legend.tsx';
import { useMapGeometry } from './use-map-geometry.ts';

export const AREA_TABLE_ID = 'tabel';

/** The population map of one level, its legend, and the same figures as a table. */
export function PopulationMap({ level }: { level: MapLevel }) {
  const descriptionId = useId();
  const figures = useQuery(areasQuery({ level }));
  const boundaries = useMapGeometry(level);
  const { geometry } = boundaries;
  const model = useMemo(
    () => (geometry && figures.data ? buildChoropleth(geometry, figures.data.items, level) : undefined),
    [geometry, figures.data, level],
  );

  if (figures.isError || boundaries.isError) {
    return <ErrorMessage>{texts.common.loadError(texts.map.loadingMapWhat)}</ErrorMessage>;
  }
  if (!model || !figures.data) return <LoadingMessage>{texts.map.loadingMap}</LoadingMessage>;

  const names = levelTexts[level];
  const referenceDate = formatDate(
    figures.data.items.find((area) => area.populationReferenceDate)?.populationReferenceDate ?? '',
  );

  return (
    <>
      <Paragraph id={descriptionId} className="ks-map-description">
        {texts.map.description(String(model.areas.length), names.pluralLower)}
      </Paragraph>
      <a href={`#${AREA_TABLE_ID}`} className="utrecht-link utrecht-link--html-a ks-skip-map">
        {texts.map.skipMap}
      </a>
      <div className="ks-map-layout">
        <ChoroplethMap
          model={model}
          label={texts.map.title(names.singular, referenceDate)}
          describedBy={descriptionId}
        />
        <MapLegend entries={model.legend} note={texts.map.legendReference(referenceDate)} headingLevel={3} />
      </div>
      <AreaTable
        id={AREA_TABLE_ID}
        caption={texts.table.caption(names.singular, referenceDate)}
        areas={figures.data.items}
        nameLabel={names.label}
      />
    </>
  );
}
