// SPDX-License-Identifier: EUPL-1.2
/**
 * The audit log page keeps its filters in the URL (`/beheer/auditlog?actie=auth.sign_in&pagina=2`), so a search
 * can be bookmarked, shared and reloaded. These functions read that query string, turn it into the API's query
 * (`/api/audit?action=…&limit=…&offset=…`) and the CSV export link, and work out the paging.
 */
import { AUDIT_RESULTS, type AuditResult } from '../../../src/shared/access.ts';

/** The filters as the page's URL carries them (Dutch names, like the page's paths). */
export interface AuditSearch {
  /** First day, ISO date. */
  van?: string;
  /** Last day (inclusive), ISO date. */
  tot?: string;
  /** Action code, e.g. auth.sign_in. */
  actie?: string;
  /** Part of the actor's e-mail address or label. */
  wie?: string;
  resultaat?: AuditResult;
  objecttype?: string;
  /** Id of the object. */
  object?: string;
  /** 1-based page number. */
  pagina?: number;
}

export const AUDIT_PAGE_SIZE = 50;
/** The API refuses offsets beyond this. */
const MAX_OFFSET = 10_000_000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z_.]{1,100}$/;
const OBJECT_TYPE = /^[a-z_]{1,50}$/;

/** A text value of the query string; the router reads `?object=12` as the number 12. */
function text(value: unknown, maxLength: number): string | undefined {
  const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  return trimmed && trimmed.length <= maxLength ? trimmed : undefined;
}

function matching(value: unknown, pattern: RegExp): string | undefined {
  const candidate = text(value, 100);
  return candidate && pattern.test(candidate) ? candidate : undefined;
}

function isAuditResult(value: unknown): value is AuditResult {
  return typeof value === 'string' && (AUDIT_RESULTS as readonly string[]).includes(value);
}

/** Validates the page's query string; a value the API would refuse is left out rather than sent. */
export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  const parsed: AuditSearch = {};
  const van = matching(search.van, ISO_DATE);
  const tot = matching(search.tot, ISO_DATE);
  const actie = matching(search.actie, ACTION);
  const wie = text(search.wie, 200);
  const objecttype = matching(search.objecttype, OBJECT_TYPE);
  const object = text(search.object, 100);
  const pagina = Number(search.pagina);
  if (van) parsed.van = van;
  if (tot) parsed.tot = tot;
  if (actie) parsed.actie = actie;
  if (wie) parsed.wie = wie;
  if (isAuditResult(search.resultaat)) parsed.resultaat = search.resultaat;
  if (objecttype) parsed.objecttype = objecttype;
  if (object) parsed.object = object;
  if (Number.isInteger(pagina) && pagina > 1 && (pagina - 1) * AUDIT_PAGE_SIZE <= MAX_OFFSET)
    parsed.pagina = pagina;
  return parsed;
}

/** The filters in the API's names, without paging. */
export function auditFilterParams(search: AuditSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.van) params.set('from', search.van);
  if (search.tot) params.set('to', search.tot);
  if (search.actie) params.set('action', search.actie);
  if (search.wie) params.set('actor', search.wie);
  if (search.resultaat) params.set('result', search.resultaat);
  if (search.objecttype) params.set('objectType', search.objecttype);
  if (search.object) params.set('objectId', search.object);
  return params;
}

/** The query string of GET /api/audit for this page of the search. */
export function auditApiQuery(search: AuditSearch, pageSize = AUDIT_PAGE_SIZE): string {
  const params = auditFilterParams(search);
  params.set('limit', String(pageSize));
  params.set('offset', String(((search.pagina ?? 1) - 1) * pageSize));
  return params.toString();
}

/** The CSV download of everything the filters match (all pages). */
export function auditExportHref(search: AuditSearch): string {
  const query = auditFilterParams(search).toString();
  return query ? `/api/audit/export?${query}` : '/api/audit/export';
}

/** The search a submitted filter form asks for: trimmed, empty fields left out, back on page 1. */
export function auditSearchFromForm(values: Record<string, string>): AuditSearch {
  const { pagina: _ignored, ...filters } = parseAuditSearch(values);
  return filters;
}

export function hasFilters(search: AuditSearch): boolean {
  const { pagina: _ignored, ...filters } = search;
  return Object.keys(filters).length > 0;
}

export interface AuditPaging {
  /** 1-based number of the first and last entry shown; 0 and 0 when there are none. */
  first: number;
  last: number;
  page: number;
  pageCount: number;
  previous: number | null;
  next: number | null;
}

export function auditPaging(total: number, page: number, pageSize = AUDIT_PAGE_SIZE): AuditPaging {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const none = first > last;
  return {
    first: none ? 0 : first,
    last: none ? 0 : last,
    page,
    pageCount,
    previous: page > 1 ? Math.min(page - 1, pageCount) : null,
    next: page < pageCount ? page + 1 : null,
  };
}

/** The search for another page: page 1 has no `pagina`, so its URL stays short. */
export function withPage(search: AuditSearch, page: number): AuditSearch {
  const { pagina: _ignored, ...filters } = search;
  return page > 1 ? { ...filters, pagina: page } : filters;
}

function detailValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The details of an entry as one line of text: `email: a@b.nl; reason: wrong_password`. */
export function formatAuditDetails(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object' || Array.isArray(details)) return detailValue(details);
  return Object.entries(details)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${detailValue(value)}`)
    .join('; ');
}
