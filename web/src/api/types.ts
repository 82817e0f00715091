// SPDX-License-Identifier: EUPL-1.2
/**
 * The HTTP API contract as the web app uses it. The types come from the server's zod schemas (type-only
 * imports: nothing of the server ends up in the bundle), so a change of contract fails the type-check here.
 */
import type { z } from 'zod';
import type {
  areaDetail,
  areaList,
  areaSummary,
  mergerList,
} from '../../../src/server/modules/geography/geography.schemas.ts';
import type { AreaLevel } from '../../../src/shared/geography.ts';

export type Level = AreaLevel;
export type AreaSummary = z.infer<typeof areaSummary>;
export type AreaList = z.infer<typeof areaList>;
export type AreaDetail = z.infer<typeof areaDetail>;
export type AreaRef = AreaDetail['parents'][number];
export type PopulationFigure = AreaDetail['population'][number];
/** A gemeente on the other side of a merger (herindeling), as the area detail names it. */
export type MergerLink = AreaDetail['successors'][number];
export type MergerList = z.infer<typeof mergerList>;
export type Merger = MergerList['items'][number];

/** Levels that have boundaries and can be shown on the map, in the order the level switch offers them. */
export const mapLevels = ['gemeente', 'veiligthuisregio', 'provincie'] as const satisfies readonly Level[];
export type MapLevel = (typeof mapLevels)[number];

export function isMapLevel(value: unknown): value is MapLevel {
  return typeof value === 'string' && (mapLevels as readonly string[]).includes(value);
}
