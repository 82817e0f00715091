// SPDX-License-Identifier: EUPL-1.2
/** Dutch (nl-NL) formatting of numbers and dates, kept in one place so every page writes them alike. */

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 941927 → "941.927". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * "2026-01-01" → "1 januari 2026". Parses the calendar date itself, so the result never shifts a day with
 * the browser's time zone. Returns the input unchanged when it is not an ISO date.
 */
export function formatDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return dateFormat.format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/**
 * "2026-03-01T13:05:09Z" → "1 maart 2026 om 14:05:09": a moment (audit log, link expiry) in Dutch time,
 * whatever the browser's time zone. Returns the input unchanged when it is not a date and time.
 */
export function formatDateTime(isoInstant: string): string {
  const date = new Date(isoInstant);
  return Number.isNaN(date.getTime()) ? isoInstant : dateTimeFormat.format(date);
}
