// SPDX-License-Identifier: EUPL-1.2
import { HIDDEN_BACKGROUND, HIDDEN_HATCH } from './logic/palette.ts';

/** The diagonal hatching of areas whose figure is afgeschermd; goes inside an SVG <defs>. */
export function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={HIDDEN_BACKGROUND} />
      <line x1="0" y1="0" x2="0" y2="6" stroke={HIDDEN_HATCH} strokeWidth="2.5" />
    </pattern>
  );
}
