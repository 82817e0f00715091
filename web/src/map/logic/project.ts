// SPDX-License-Identifier: EUPL-1.2
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** One area of the map, projected into SVG user units. */
export interface MapShape {
  code: string;
  name: string;
  /** SVG path data. */
  d: string;
  /** Visual centre of the area, for placing a tooltip. */
  centroid: [number, number];
}

export interface MapGeometry {
  /** SVG viewBox as [minX, minY, width, height]. */
  viewBox: [number, number, number, number];
  shapes: MapShape[];
}

interface AreaProperties {
  statcode?: string;
  statnaam?: string;
}

/** Room around the country for the strokes and the focus outline of areas on the edge. */
const MARGIN = 4;
const PATH_DIGITS = 1;

/**
 * The single GeometryCollection inside a CBS boundary file (named e.g. `gemeente_2025`), as features.
 * The feature id, or else `properties.statcode`, is the area code.
 */
export function topologyFeatures(topology: Topology): FeatureCollection<Geometry, AreaProperties> {
  const object = Object.values(topology.objects)[0];
  if (object?.type !== 'GeometryCollection') {
    throw new Error('Expected a TopoJSON topology with one GeometryCollection');
  }
  return feature<AreaProperties>(topology, object as GeometryCollection<AreaProperties>);
}

function areaCode(f: Feature<Geometry, AreaProperties>): string {
  const code = f.properties?.statcode ?? (typeof f.id === 'string' ? f.id : undefined);
  if (!code) throw new Error('A boundary feature has no area code (id or properties.statcode)');
  return code;
}

/**
 * Project a boundary file to SVG paths `width` units wide (Mercator, fitted to the country).
 * The height follows from the shape of the country.
 */
export function projectTopology(topology: Topology, width = 600): MapGeometry {
  const collection = topologyFeatures(topology);
  const projection = geoMercator().fitWidth(width, collection);
  const path = geoPath(projection).digits(PATH_DIGITS);
  const [[x0, y0], [x1, y1]] = path.bounds(collection);
  const shapes = collection.features.map((f): MapShape => {
    const [cx, cy] = path.centroid(f);
    return {
      code: areaCode(f),
      name: f.properties?.statnaam ?? areaCode(f),
      d: path(f) ?? '',
      centroid: [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10],
    };
  });
  return {
    viewBox: [
      Math.floor(x0 - MARGIN),
      Math.floor(y0 - MARGIN),
      Math.ceil(x1 - x0 + 2 * MARGIN),
      Math.ceil(y1 - y0 + 2 * MARGIN),
    ],
    shapes,
  };
}

/** Where a point of the viewBox lies, as percentages of the map's width and height (for HTML overlays). */
export function relativePosition(
  point: readonly [number, number],
  viewBox: MapGeometry['viewBox'],
): { left: number; top: number } {
  const [minX, minY, width, height] = viewBox;
  return {
    left: Math.round(((point[0] - minX) / width) * 1000) / 10,
    top: Math.round(((point[1] - minY) / height) * 1000) / 10,
  };
}
