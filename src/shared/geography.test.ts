import { describe, expect, it } from 'vitest';
import { compareAreaNames, levelOfCode } from './geography.ts';

describe('compareAreaNames', () => {
  it('sorts as the CBS list does', () => {
    const names = [
      "'s-Hertogenbosch",
      'Heusden',
      'Gouda',
      "'s-Gravenhage",
      'Groningen',
      'Hengelo (O.)',
      'Aa en Hunze',
    ];
    expect([...names].sort(compareAreaNames)).toEqual([
      'Aa en Hunze',
      'Gouda',
      "'s-Gravenhage",
      'Groningen',
      'Hengelo (O.)',
      "'s-Hertogenbosch",
      'Heusden',
    ]);
  });
});

describe('levelOfCode', () => {
  it('recognises CBS codes by level and keeps leading zeros meaningful', () => {
    expect(levelOfCode('GM0014')).toBe('gemeente');
    expect(levelOfCode('VT01')).toBe('veiligthuisregio');
    expect(levelOfCode('PV27')).toBe('provincie');
    expect(levelOfCode('NL01')).toBe('land');
    expect(levelOfCode('GM14')).toBeUndefined();
  });
});
