// SPDX-License-Identifier: EUPL-1.2
/**
 * What went wrong in a form, as the error summary and the fields show it. An error names its field when there
 * is one (the summary then links to it); otherwise it is about the form as a whole.
 */
import { ApiError } from '../api/client.ts';

export interface FormError {
  /** The field's name as the form (and the API, in `parameter`) calls it; null: the form as a whole. */
  field: string | null;
  message: string;
}

export type FormErrors = readonly FormError[];

export const NO_ERRORS: FormErrors = [];

/**
 * The errors of a failed request. A 400 that names one of the form's fields goes next to that field; every
 * other answer of the server is shown as it is; anything else (no connection) gets `fallback`.
 */
export function errorsFromFailure(error: unknown, fields: readonly string[], fallback: string): FormErrors {
  if (!(error instanceof ApiError)) return [{ field: null, message: fallback }];
  const field = error.parameter && fields.includes(error.parameter) ? error.parameter : null;
  return [{ field, message: error.message }];
}

/** The message of a field, if it has one. */
export function errorOf(errors: FormErrors, field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

/** Keeps the first error of each field, in the order given (the order of the form). */
export function collectErrors(...candidates: (FormError | null | undefined | false)[]): FormErrors {
  const seen = new Set<string | null>();
  const errors: FormError[] = [];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (candidate.field !== null && seen.has(candidate.field)) continue;
    seen.add(candidate.field);
    errors.push(candidate);
  }
  return errors;
}

/** An error for `field` when `value` is empty (only spaces counts as empty). */
export function requireValue(field: string, value: string, message: string): FormError | null {
  return value.trim() === '' ? { field, message } : null;
}
