// SPDX-License-Identifier: EUPL-1.2
import { safeReturnPath } from './return-path.ts';

/** Why the server sent the visitor back after signing in with the organisation's identity provider. */
export type SignInFailure = 'geen-toegang' | 'mislukt';
/** Just signed out: here, or on every device. */
export type SignedOut = 'ja' | 'overal';

/** Search parameters of /inloggen. */
export interface SignInSearch {
  /** The local page to go to after signing in. */
  terug?: string;
  fout?: SignInFailure;
  afgemeld?: SignedOut;
  /** With `afgemeld=overal`: how many sessions ended. */
  sessies?: number;
}

/** Validates the query string of /inloggen; an unsafe `terug` (another site) is dropped. */
export function parseSignInSearch(search: Record<string, unknown>): SignInSearch {
  const parsed: SignInSearch = {};
  const terug = safeReturnPath(search.terug);
  if (terug) parsed.terug = terug;
  if (search.fout === 'geen-toegang' || search.fout === 'mislukt') parsed.fout = search.fout;
  if (search.afgemeld === 'ja' || search.afgemeld === 'overal') parsed.afgemeld = search.afgemeld;
  const sessies = Number(search.sessies);
  if (parsed.afgemeld === 'overal' && Number.isInteger(sessies) && sessies >= 0 && sessies < 10_000)
    parsed.sessies = sessies;
  return parsed;
}
