// SPDX-License-Identifier: EUPL-1.2
import { MEASURES, type Measure } from '../../../src/shared/dashboards.ts';
import { isMapLevel, type MapLevel } from '../api/types.ts';

/**
 * Search parameters of the overview (`/`), in Dutch as the URL is shared:
 * `?indicator=vt_meldingen&periode=2024JJ00&niveau=gemeente&maat=per1000`. Every one is optional: absent
 * means the default (vt_meldingen, its latest period, gemeenten, the indicator's own default measure), so the
 * plain home page URL stays `/` and a shared link without a period keeps showing the newest figures.
 */
export interface HomeSearch {
  indicator?: string;
  periode?: string;
  niveau?: Exclude<MapLevel, 'gemeente'>;
  maat?: Measure;
}

/** Search parameters of the indicator page `/indicator/vt_meldingen?periode=2024JJ00&niveau=provincie&maat=per1000`. */
export type IndicatorPageSearch = Omit<HomeSearch, 'indicator'>;

/** The indicator the overview shows when the URL names none. */
export const DEFAULT_INDICATOR = 'vt_meldingen';

const INDICATOR_CODE = /^[a-z][a-z0-9_]{1,62}$/;
const PERIOD_CODE = /^\d{4}(JJ00|HJ0[12]|KW0[1-4]|MM(0[1-9]|1[0-2]))$/;

export function isIndicatorCode(value: unknown): value is string {
  return typeof value === 'string' && INDICATOR_CODE.test(value);
}

export function isPeriodCode(value: unknown): value is string {
  return typeof value === 'string' && PERIOD_CODE.test(value);
}

export function isMeasure(value: unknown): value is Measure {
  return typeof value === 'string' && (MEASURES as readonly string[]).includes(value);
}

/** Validate the indicator page's query string; anything malformed is dropped (the default applies). */
export function parseIndicatorPageSearch(search: Record<string, unknown>): IndicatorPageSearch {
  const { periode, niveau, maat } = search;
  return {
    ...(isPeriodCode(periode) ? { periode } : {}),
    ...(isMapLevel(niveau) && niveau !== 'gemeente' ? { niveau } : {}),
    ...(isMeasure(maat) ? { maat } : {}),
  };
}

/** Validate the home page's query string; anything malformed is dropped (the default applies). */
export function parseHomeSearch(search: Record<string, unknown>): HomeSearch {
  const { indicator } = search;
  return {
    ...(isIndicatorCode(indicator) && indicator !== DEFAULT_INDICATOR ? { indicator } : {}),
    ...parseIndicatorPageSearch(search),
  };
}

/** The query string for a level: none for the default, so the plain home page URL stays `/`. */
export function homeSearchFor(level: MapLevel): HomeSearch {
  return level === 'gemeente' ? {} : { niveau: level };
}

/** The same choice on another level (the period and measure still apply there). */
export function withLevel<T extends IndicatorPageSearch>(search: T, level: MapLevel): T {
  const { niveau: _old, ...rest } = search;
  return { ...rest, ...homeSearchFor(level) } as T;
}

/**
 * Another indicator: its periods and measures differ, so the period and measure go back to its defaults;
 * the level stays.
 */
export function withIndicator(search: HomeSearch, indicator: string): HomeSearch {
  return {
    ...(indicator === DEFAULT_INDICATOR ? {} : { indicator }),
    ...(search.niveau ? { niveau: search.niveau } : {}),
  };
}

/** Another period (`undefined`: the latest). */
export function withPeriod<T extends IndicatorPageSearch>(search: T, periode: string | undefined): T {
  const { periode: _old, ...rest } = search;
  return (periode ? { ...rest, periode } : rest) as T;
}

/** Another measure (`undefined`: the indicator's default). */
export function withMeasure<T extends IndicatorPageSearch>(search: T, maat: Measure | undefined): T {
  const { maat: _old, ...rest } = search;
  return (maat ? { ...rest, maat } : rest) as T;
}
