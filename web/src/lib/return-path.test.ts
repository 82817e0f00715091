// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { afterSignInPath, safeReturnPath } from './return-path.ts';

describe('safeReturnPath', () => {
  it('accepts paths of this site, with their query and fragment', () => {
    expect(safeReturnPath('/account')).toBe('/account');
    expect(safeReturnPath('/beheer/gebruikers')).toBe('/beheer/gebruikers');
    expect(safeReturnPath('/beheer/auditlog?actie=auth.sign_in')).toBe('/beheer/auditlog?actie=auth.sign_in');
    expect(safeReturnPath('/gemeente/GM0363#inwoners')).toBe('/gemeente/GM0363#inwoners');
  });

  it('refuses other sites, however they are written', () => {
    for (const value of [
      'https://evil.example/',
      'http:/evil.example',
      '//evil.example/account',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      ' /account',
      'account',
      '/\t/evil.example',
      '/%0a/evil.example'.replace('%0a', '\n'),
    ]) {
      expect(safeReturnPath(value), value).toBeUndefined();
    }
  });

  it('refuses what is not a path at all', () => {
    expect(safeReturnPath(undefined)).toBeUndefined();
    expect(safeReturnPath('')).toBeUndefined();
    expect(safeReturnPath(42)).toBeUndefined();
    expect(safeReturnPath(['/account'])).toBeUndefined();
    expect(safeReturnPath(`/${'a'.repeat(2000)}`)).toBeUndefined();
  });

  it('does not send a user back to the sign-in page', () => {
    expect(safeReturnPath('/inloggen')).toBeUndefined();
    expect(safeReturnPath('/inloggen?terug=/account')).toBeUndefined();
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeReturnPath('/beheer/../account')).toBe('/account');
    expect(safeReturnPath('/../../account')).toBe('/account');
  });
});

describe('afterSignInPath', () => {
  it('goes to the own account when there is no valid place to go back to', () => {
    expect(afterSignInPath(undefined)).toBe('/account');
    expect(afterSignInPath('//evil.example')).toBe('/account');
    expect(afterSignInPath('/beheer')).toBe('/beheer');
  });
});
