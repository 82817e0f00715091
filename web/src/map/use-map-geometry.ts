// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from '@tanstack/react-query';
import type { Topology } from 'topojson-specification';
import { boundariesQuery } from '../api/queries.ts';
import type { MapLevel } from '../api/types.ts';
import { type MapGeometry, projectTopology } from './logic/project.ts';

export const MAP_WIDTH = 600;

/** Projection is the costly step; boundaries are fetched once, so project each topology once too. */
const projected = new WeakMap<Topology, MapGeometry>();

function project(topology: Topology): MapGeometry {
  let geometry = projected.get(topology);
  if (!geometry) {
    geometry = projectTopology(topology, MAP_WIDTH);
    projected.set(topology, geometry);
  }
  return geometry;
}

/** The boundaries of a level, projected for the SVG map. */
export function useMapGeometry(level: MapLevel) {
  const boundaries = useQuery(boundariesQuery(level));
  return {
    geometry: boundaries.data ? project(boundaries.data) : undefined,
    isError: boundaries.isError,
  };
}
