// SPDX-License-Identifier: EUPL-1.2
/**
 * The case register API as its pages read it: outcomes (public aggregates), the intervention catalogue, the
 * register and a household's timeline (case level, audited), the follow-up list, the follow-up schedules, and
 * the writes (import an extract, undo an import, save a schedule). The response types mirror the zod schemas
 * of `src/server/modules/cases/cases.routes.ts`; event and follow-up types come from the domain (type-only).
 */
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { CaseEvent, FollowUpStatus, IsoDate } from '../../../src/server/modules/cases/cases.domain.ts';
import type { FollowUpMoment, RecognitionLevel, SafetyAssessment } from '../../../src/shared/cases.ts';
import type {
  FollowUpsSearch,
  OutcomeGroupingCode,
  OutcomeMeasureCode,
  OutcomesSearch,
  RegisterSearch,
} from '../lib/cases-search.ts';
import { withCsrf } from './access-client.ts';
import { getJson, sendJson } from './client.ts';
import { type MultipartOptions, sendMultipart } from './figures-client.ts';

// ---- Response types ----

/**
 * Counts of one group for one measure. Every count is null when the group is protected (fewer cases than the
 * threshold: "afgeschermd"). `share` = yes ÷ known (0–1); unknowns and too-young (censored) cases are never in it.
 */
export type Tally = {
  yes: number | null;
  known: number | null;
  unknown: number | null;
  censored: number | null;
  share: number | null;
  /** 95% Wilson interval (0–1); null when nothing is known or protected. */
  interval: { low: number; high: number } | null;
};

export type CaseMixKey = SafetyAssessment | 'onbekend';

export type OutcomeRowData = {
  /** Intervention code ('geen': none), VT region code or GM code, after `by`. */
  key: string;
  tally: Tally;
  /** The same measure split by safety assessment (case mix). */
  caseMix: Record<CaseMixKey, Tally>;
  hidden: boolean;
};

export type OutcomeResponse = {
  measure: OutcomeMeasureCode;
  by: OutcomeGroupingCode;
  year: number | null;
  region: string | null;
  gemeente: string | null;
  /** Date the figures were computed (censoring depends on it). */
  computedOn: IsoDate;
  /** Synthetic demo cases are among those counted. */
  synthetic: boolean;
  protection: { threshold: number };
  rows: OutcomeRowData[];
  total: OutcomeRowData;
};

export type InterventionData = {
  code: string;
  name: string;
  targetGroup: string;
  violenceTypes: string[];
  recognitionLevel: RecognitionLevel;
  provider: string;
  url: string | null;
  description: string;
  origin: 'shipped' | 'beheerder';
};

export type CaseListItem = {
  pseudonym: string;
  household: string;
  gemeente: string;
  gemeenteName: string;
  region: string | null;
  meldingDate: IsoDate;
  safetyAssessment: string | null;
  decision: string | null;
  handoverDate: IsoDate | null;
  receivingTeam: string | null;
  primaryIntervention: string | null;
  closureDate: IsoDate | null;
  /** 'ja' | 'nee' | 'onbekend' | 'te_jong' or null (not handed over). */
  stopped12: string | null;
  version: number;
};

export type CaseListResponse = { total: number; items: CaseListItem[] };

export type TimelineEvent = CaseEvent & { case: string; teamName?: string | null };

export type HouseholdCase = {
  pseudonym: string;
  gemeente: string;
  gemeenteName: string;
  meldingDate: IsoDate;
  closureDate: IsoDate | null;
  supplier: string | null;
  version: number;
  followUps: FollowUpStatus[];
};

export type HouseholdTimelineData = {
  household: string;
  cases: HouseholdCase[];
  events: TimelineEvent[];
};

export type FollowUpItem = {
  case: string;
  household: string;
  gemeente: string;
  gemeenteName: string;
  region: string | null;
  team: string | null;
  teamId: number | null;
  handoverDate: IsoDate;
  months: number;
  due: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  state: 'open' | 'te_laat';
  daysLate: number;
};

export type FollowUpResponse = { open: number; late: number; items: FollowUpItem[] };

export type ScheduleData = { region: string; name: string; moments: FollowUpMoment[]; own: boolean };

export type CaseImportProblem = {
  severity: 'fout' | 'waarschuwing';
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
};

export type CaseImportReport = {
  outcome: 'geweigerd' | 'proefimport' | 'geimporteerd' | 'ongewijzigd';
  importId: number | null;
  fileName: string;
  supplier: { id: number; name: string } | null;
  rows: number;
  cases: number;
  errors: number;
  warnings: number;
  problems: CaseImportProblem[];
  personalData: Array<{ column: string; kind: string; firstRow: number | null; count: number }>;
  added: number;
  changed: number;
  unchanged: number;
  households: number;
};

export type CaseImportUndoResult = { importId: number; undoId: number; restored: number; withdrawn: number };

// ---- Paths ----

/** Every query of the register sits under this key: an import or a schedule change drops them together. */
export const CASES_KEY = ['cases'] as const;
/** Rows per page of the register. */
export const CASES_PAGE_SIZE = 50;

type QueryValue = string | number | undefined;

function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}

export type OutcomesParams = OutcomesSearch & { gemeente?: string };

/** GET /api/outcomes?maat=…&per=…&jaar=…&regio=…&gemeente=… */
export function outcomesPath(search: OutcomesParams): string {
  return withQuery('/api/outcomes', {
    maat: search.maat,
    per: search.per,
    jaar: search.jaar,
    regio: search.regio,
    gemeente: search.gemeente,
  });
}

/** GET /api/cases?…&limit=50&offset=… (page `pagina`, counted from 1). */
export function casesPath(search: RegisterSearch): string {
  return withQuery('/api/cases', {
    gemeente: search.gemeente,
    regio: search.regio,
    jaar: search.jaar,
    besluit: search.besluit,
    interventie: search.interventie,
    status: search.status,
    huishouden: search.huishouden,
    limit: CASES_PAGE_SIZE,
    offset: (Math.max(1, search.pagina) - 1) * CASES_PAGE_SIZE,
  });
}

/** GET /api/cases/follow-ups?team=…&gemeente=…&regio=…&status=… */
export function followUpsPath(search: FollowUpsSearch): string {
  return withQuery('/api/cases/follow-ups', {
    team: search.team,
    gemeente: search.gemeente,
    regio: search.regio,
    status: search.status,
  });
}

export function householdPath(pseudonym: string): string {
  return `/api/cases/households/${encodeURIComponent(pseudonym)}`;
}

export function caseImportPath({ dryRun, supplier }: { dryRun: boolean; supplier?: number }): string {
  return withQuery('/api/cases/imports', { dryRun: String(dryRun), supplier });
}

// ---- Queries ----

/** Outcomes change with every import; ask again after half a minute, as the dashboards do. */
const OUTCOMES_STALE_MS = 30_000;

export const outcomesQuery = (search: OutcomesParams) => {
  const path = outcomesPath(search);
  return queryOptions({
    queryKey: [...CASES_KEY, 'outcomes', path],
    queryFn: ({ signal }) => getJson<OutcomeResponse>(path, signal),
    staleTime: OUTCOMES_STALE_MS,
  });
};

export const interventionsQuery = () =>
  queryOptions({
    queryKey: [...CASES_KEY, 'interventions'],
    queryFn: ({ signal }) => getJson<InterventionData[]>('/api/interventions', signal),
  });

/** Case-level reads are audited on the server: never cached for long, never refetched behind the user's back. */
export const casesQuery = (search: RegisterSearch) => {
  const path = casesPath(search);
  return queryOptions({
    queryKey: [...CASES_KEY, 'list', path],
    queryFn: ({ signal }) => getJson<CaseListResponse>(path, signal),
    staleTime: 0,
  });
};

export const householdQuery = (pseudonym: string) =>
  queryOptions({
    queryKey: [...CASES_KEY, 'household', pseudonym],
    queryFn: ({ signal }) => getJson<HouseholdTimelineData>(householdPath(pseudonym), signal),
    staleTime: 0,
  });

export const followUpsQuery = (search: FollowUpsSearch) => {
  const path = followUpsPath(search);
  return queryOptions({
    queryKey: [...CASES_KEY, 'follow-ups', path],
    queryFn: ({ signal }) => getJson<FollowUpResponse>(path, signal),
    staleTime: 0,
  });
};

export const schedulesQuery = () =>
  queryOptions({
    queryKey: [...CASES_KEY, 'schedules'],
    queryFn: ({ signal }) => getJson<ScheduleData[]>('/api/cases/schedules', signal),
  });

// ---- Hooks ----

export const useOutcomes = (search: OutcomesParams) => useQuery(outcomesQuery(search));
export const useInterventions = () => useQuery(interventionsQuery());
export const useCases = (search: RegisterSearch) => useQuery(casesQuery(search));
export const useHousehold = (pseudonym: string) => useQuery(householdQuery(pseudonym));
export const useFollowUps = (search: FollowUpsSearch) => useQuery(followUpsQuery(search));
export const useSchedules = () => useQuery(schedulesQuery());

// ---- Writes ----

export const casesApi = {
  /**
   * A case extract (CSV), checked only (`dryRun`) or imported. Resolves with the report for 200 and for 422 (a
   * refused file: nothing changed); rejects with an ApiError for anything else (400, 401, 403, 413, 415, …).
   */
  importFile: (
    queryClient: QueryClient,
    file: Blob,
    fileName: string,
    options: { dryRun: boolean; supplier?: number } & Pick<MultipartOptions, 'onProgress' | 'signal'>,
  ) =>
    withCsrf(queryClient, (csrfToken) => {
      const form = new FormData();
      form.append('file', file, fileName);
      return sendMultipart<CaseImportReport>(
        caseImportPath({
          dryRun: options.dryRun,
          ...(options.supplier !== undefined ? { supplier: options.supplier } : {}),
        }),
        csrfToken,
        form,
        { onProgress: options.onProgress, signal: options.signal, answerStatuses: [422] },
      );
    }),

  undoImport: (queryClient: QueryClient, importId: number) =>
    withCsrf(queryClient, (csrfToken) =>
      sendJson<CaseImportUndoResult>('POST', `/api/cases/imports/${importId}/undo`, csrfToken),
    ),

  saveSchedule: (queryClient: QueryClient, region: string, moments: readonly FollowUpMoment[]) =>
    withCsrf(queryClient, (csrfToken) =>
      sendJson<{ region: string; recomputed: number }>(
        'PUT',
        `/api/cases/schedules/${encodeURIComponent(region)}`,
        csrfToken,
        { moments },
      ),
    ),
};

/** After an import, an undo or a schedule change: every register figure may have changed. */
export function invalidateCases(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: CASES_KEY });
}

// ---- Case import history ----

/** One case import or undo, as `GET /api/cases/imports` lists it (newest first). */
export type CaseImportRecord = {
  id: number;
  kind: 'import' | 'undo';
  fileName: string;
  fileSize: number;
  fileSha256: string;
  /** Name of the supplying organisation; null for an import without one (a beheerder, the demo). */
  supplier: string | null;
  actorLabel: string;
  /** ISO instant (UTC). */
  at: string;
  rows: number;
  cases: number;
  added: number;
  changed: number;
  unchanged: number;
  synthetic: boolean;
  undoOf: number | null;
  undoneBy: number | null;
};

/** Under CASES_KEY: an import or an undo (invalidateCases) refreshes the history too. */
export const caseImportsQuery = () =>
  queryOptions({
    queryKey: [...CASES_KEY, 'imports'],
    queryFn: ({ signal }) => getJson<CaseImportRecord[]>('/api/cases/imports', signal),
    staleTime: 0,
  });

export const useCaseImports = () => useQuery(caseImportsQuery());

// ---- Process figures: lead times and handovers ----

/**
 * Lead times and handovers of one group of handed-over cases (cohort: year of handover). Every value is null
 * when it is protected ("afgeschermd"): a small count, or a median or mean made from fewer cases than the
 * threshold.
 */
export type ProcessRowData = {
  /** Intervention code ('geen': none), VT region code or GM code, after `by`; '*' for the total. */
  key: string;
  handedOver: number | null;
  /** Calendar days from melding to handover. */
  medianDaysToHandover: number | null;
  withPlan: number | null;
  /** Calendar days from handover to plan. */
  medianDaysHandoverToPlan: number | null;
  households: number | null;
  /** Mean number of handovers per household. */
  handoversPerHousehold: number | null;
  /** Households handed over more than once: the "heen en weer geschoven" signal. */
  householdsHandedOverMoreThanOnce: number | null;
};

export type ProcessResponse = {
  by: OutcomeGroupingCode;
  year: number | null;
  region: string | null;
  protection: { threshold: number };
  rows: ProcessRowData[];
  total: ProcessRowData;
};

export type ProcessParams = Pick<OutcomesSearch, 'per' | 'jaar' | 'regio'>;

/** GET /api/outcomes/process?per=…&jaar=…&regio=… (the measure does not apply). */
export function processPath(search: ProcessParams): string {
  return withQuery('/api/outcomes/process', { per: search.per, jaar: search.jaar, regio: search.regio });
}

/** Under CASES_KEY like the outcomes: an import refreshes them. */
export const processQuery = (search: ProcessParams) => {
  const path = processPath(search);
  return queryOptions({
    queryKey: [...CASES_KEY, 'process', path],
    queryFn: ({ signal }) => getJson<ProcessResponse>(path, signal),
    staleTime: OUTCOMES_STALE_MS,
  });
};

export const useProcessFigures = (search: ProcessParams) => useQuery(processQuery(search));
