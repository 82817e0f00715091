// SPDX-License-Identifier: EUPL-1.2
import { texts } from '../../texts.ts';

export const MIN_QUERY_LENGTH = 2;

/** What the user typed, ready to send: trimmed, inner whitespace collapsed. */
export function normaliseQuery(input: string): string {
  return input.trim().replace(/\s+/g, ' ');
}

export function isSearchable(query: string): boolean {
  return normaliseQuery(query).length >= MIN_QUERY_LENGTH;
}

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'too-short' }
  | { kind: 'searching' }
  | { kind: 'error' }
  | { kind: 'done'; count: number; query: string };

/**
 * The sentence the live region announces for a search state ('' for none). While a search runs it stays
 * empty, so a screen reader hears only the outcome, not a "searching" for every key.
 */
export function searchStatusText(state: SearchState): string {
  switch (state.kind) {
    case 'idle':
    case 'searching':
      return '';
    case 'too-short':
      return texts.search.tooShort;
    case 'error':
      return texts.search.error;
    case 'done':
      return state.count === 0
        ? texts.search.noResults(state.query)
        : texts.search.resultCount(state.count, state.query);
  }
}
