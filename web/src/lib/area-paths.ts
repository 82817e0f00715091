// SPDX-License-Identifier: EUPL-1.2
import { NETHERLANDS_CODE } from '../../../src/shared/geography.ts';
import type { Level } from '../api/types.ts';

/** The code of the Netherlands, whose page lives at /nederland. */
export { NETHERLANDS_CODE };

/** The page of an area: /gemeente/GM0363, /veiligthuisregio/VT01, /provincie/PV27 or /nederland. */
export function areaPath(level: Level, code: string): string {
  if (level === 'land') return '/nederland';
  return `/${level}/${encodeURIComponent(code)}`;
}

/** Codes are upper case (GM0363); accept "gm0363" in a typed URL. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}
