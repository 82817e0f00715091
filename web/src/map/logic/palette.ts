// SPDX-License-Identifier: EUPL-1.2
import { schemeBlues } from 'd3-scale-chromatic';

/** Fill of an area without a value. */
export const NO_DATA_COLOR = '#d4d4d4';

/**
 * An area whose figure is hidden by small-number protection: white with dark diagonal hatching, so it differs
 * from "geen gegevens" (plain grey) and from every class colour by pattern, not by colour alone.
 */
export const HIDDEN_PATTERN_ID = 'ks-pattern-afgeschermd';
export const HIDDEN_FILL = `url(#${HIDDEN_PATTERN_ID})`;
export const HIDDEN_BACKGROUND = '#ffffff';
export const HIDDEN_HATCH = '#4d4d4d';

const MIN_SCHEME = 3;
const MAX_SCHEME = 9;

/**
 * Sequential colours (ColorBrewer Blues) for `count` classes, lightest first. ColorBrewer defines 3 to 9
 * classes; fewer classes take colours from the three-class scheme.
 */
export function classColors(count: number): string[] {
  if (count <= 0) return [];
  if (count > MAX_SCHEME) throw new RangeError(`At most ${MAX_SCHEME} colour classes, got ${count}`);
  const scheme = schemeBlues[Math.max(count, MIN_SCHEME)] ?? [];
  if (count === 1) return [scheme[1] as string];
  if (count === 2) return [scheme[0] as string, scheme[2] as string];
  return [...scheme];
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = Number.parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}
