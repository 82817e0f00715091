import { date, timestamp } from 'drizzle-orm/pg-core';

/** A calendar date kept as an ISO `YYYY-MM-DD` string, never shifted by time zones. */
export const isoDate = (name: string) => date(name, { mode: 'string' });

export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
