// SPDX-License-Identifier: EUPL-1.2
/**
 * Where to go after signing in: `/inloggen?terug=/beheer/gebruikers`. Only a path of this site is accepted:
 * it must start with one `/` (not `//host` or `/\host`, which browsers read as another site) and hold no
 * control characters. Anything else is ignored, so a crafted link cannot send a user elsewhere after sign-in.
 */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  const base = 'https://ketenzicht.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  // Going back to the sign-in page itself would only show the form again.
  if (url.pathname === '/inloggen') return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The page after a successful sign-in: the validated `terug`, otherwise the own account. */
export function afterSignInPath(terug: unknown): string {
  return safeReturnPath(terug) ?? '/account';
}
