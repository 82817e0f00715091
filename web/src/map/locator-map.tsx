// SPDX-License-Identifier: EUPL-1.2
import type { MapLevel } from '../api/types.ts';
import { texts } from '../texts.ts';
import { useMapGeometry } from './use-map-geometry.ts';

interface LocatorMapProps {
  level: MapLevel;
  code: string;
  name: string;
}

/** A small picture of the Netherlands with one area filled in. Decorative detail for sighted users. */
export function LocatorMap({ level, code, name }: LocatorMapProps) {
  const { geometry } = useMapGeometry(level);
  if (!geometry) return null;
  const target = geometry.shapes.find((shape) => shape.code === code);
  if (!target) return null;
  return (
    <svg
      className="ks-locator"
      viewBox={geometry.viewBox.join(' ')}
      role="img"
      aria-label={texts.area.locatorLabel(name)}
    >
      <g className="ks-locator__others">
        {geometry.shapes.map((shape) => (shape.code === code ? null : <path key={shape.code} d={shape.d} />))}
      </g>
      <path d={target.d} className="ks-locator__target" />
    </svg>
  );
}
