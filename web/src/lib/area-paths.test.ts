// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { areaPath, normaliseCode } from './area-paths.ts';

describe('areaPath', () => {
  it('puts the level in the path and keeps leading zeros of the code', () => {
    expect(areaPath('gemeente', 'GM0014')).toBe('/gemeente/GM0014');
    expect(areaPath('veiligthuisregio', 'VT01')).toBe('/veiligthuisregio/VT01');
    expect(areaPath('provincie', 'PV27')).toBe('/provincie/PV27');
  });

  it('sends the Netherlands to /nederland', () => {
    expect(areaPath('land', 'NL01')).toBe('/nederland');
  });
});

describe('normaliseCode', () => {
  it('upper-cases and trims a typed code', () => {
    expect(normaliseCode(' gm0363 ')).toBe('GM0363');
  });
});
