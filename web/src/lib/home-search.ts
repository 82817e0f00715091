// SPDX-License-Identifier: EUPL-1.2
import { isMapLevel, type MapLevel } from '../api/types.ts';

/** Search parameters of the home page: `?niveau=veiligthuisregio`. Absent means gemeenten, the default. */
export interface HomeSearch {
  niveau?: Exclude<MapLevel, 'gemeente'>;
}

/** Validate the home page's query string; anything unknown falls back to the default level. */
export function parseHomeSearch(search: Record<string, unknown>): HomeSearch {
  const niveau = search.niveau;
  return isMapLevel(niveau) && niveau !== 'gemeente' ? { niveau } : {};
}

/** The query string for a level: none for the default, so the plain home page URL stays `/`. */
export function homeSearchFor(level: MapLevel): HomeSearch {
  return level === 'gemeente' ? {} : { niveau: level };
}
