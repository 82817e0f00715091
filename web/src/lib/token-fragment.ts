// SPDX-License-Identifier: EUPL-1.2
/**
 * The one-time token of a set-password link: `/wachtwoord-instellen#token=…`. It travels in the fragment, which
 * browsers never send to a server or in a Referer header; a token in the query string is deliberately ignored.
 */
const TOKEN = /^[A-Za-z0-9_-]{10,200}$/;

export function tokenFromFragment(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  // URLSearchParams would skip a leading "?": a query string is not a fragment.
  if (fragment.startsWith('?')) return null;
  const token = new URLSearchParams(fragment).get('token')?.trim();
  return token && TOKEN.test(token) ? token : null;
}
