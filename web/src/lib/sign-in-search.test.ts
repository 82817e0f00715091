// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { parseSignInSearch } from './sign-in-search.ts';

describe('parseSignInSearch', () => {
  it('keeps a local page to return to', () => {
    expect(parseSignInSearch({ terug: '/beheer/gebruikers' })).toEqual({ terug: '/beheer/gebruikers' });
  });

  it('drops a page on another site', () => {
    expect(parseSignInSearch({ terug: '//evil.example' })).toEqual({});
    expect(parseSignInSearch({ terug: 'https://evil.example' })).toEqual({});
  });

  it('knows the two failures the server redirects with, and nothing else', () => {
    expect(parseSignInSearch({ fout: 'geen-toegang' })).toEqual({ fout: 'geen-toegang' });
    expect(parseSignInSearch({ fout: 'mislukt' })).toEqual({ fout: 'mislukt' });
    expect(parseSignInSearch({ fout: '<b>hallo</b>' })).toEqual({});
  });

  it('reads a sign-out, with the number of sessions only for signing out everywhere', () => {
    expect(parseSignInSearch({ afgemeld: 'ja', sessies: 3 })).toEqual({ afgemeld: 'ja' });
    expect(parseSignInSearch({ afgemeld: 'overal', sessies: 3 })).toEqual({ afgemeld: 'overal', sessies: 3 });
    expect(parseSignInSearch({ afgemeld: 'overal', sessies: -1 })).toEqual({ afgemeld: 'overal' });
    expect(parseSignInSearch({ afgemeld: 'misschien' })).toEqual({});
  });
});
