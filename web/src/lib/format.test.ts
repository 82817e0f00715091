// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format.ts';

describe('formatNumber', () => {
  it('groups thousands with a dot, as Dutch readers expect', () => {
    expect(formatNumber(941927)).toBe('941.927');
    expect(formatNumber(18130208)).toBe('18.130.208');
    expect(formatNumber(0)).toBe('0');
  });

  it('rounds to whole numbers', () => {
    expect(formatNumber(1234.6)).toBe('1.235');
  });
});

describe('formatDate', () => {
  it('writes a reference date in full Dutch', () => {
    expect(formatDate('2026-01-01')).toBe('1 januari 2026');
    expect(formatDate('2025-12-31')).toBe('31 december 2025');
  });

  it('accepts a timestamp and keeps the calendar date', () => {
    expect(formatDate('2026-01-01T00:00:00.000Z')).toBe('1 januari 2026');
  });

  it('returns anything else unchanged', () => {
    expect(formatDate('onbekend')).toBe('onbekend');
  });
});

describe('formatDateTime', () => {
  it('writes a moment in Dutch time, winter and summer', () => {
    expect(formatDateTime('2026-03-01T13:05:09.123Z')).toBe('1 maart 2026 om 14:05:09');
    expect(formatDateTime('2026-07-01T13:05:09Z')).toBe('1 juli 2026 om 15:05:09');
  });

  it('keeps the Dutch calendar day around midnight UTC', () => {
    expect(formatDateTime('2025-12-31T23:30:00Z')).toBe('1 januari 2026 om 00:30:00');
  });

  it('returns anything else unchanged', () => {
    expect(formatDateTime('onbekend')).toBe('onbekend');
  });
});
