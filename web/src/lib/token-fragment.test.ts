// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { tokenFromFragment } from './token-fragment.ts';

const TOKEN = 'Abc_def-0123456789abcdefghijklmnopqrstuvwxyz';

describe('tokenFromFragment', () => {
  it('reads the token from the fragment, with or without the #', () => {
    expect(tokenFromFragment(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment(`token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromFragment(`#other=1&token=${TOKEN}`)).toBe(TOKEN);
  });

  it('gives null without a usable token', () => {
    expect(tokenFromFragment('')).toBeNull();
    expect(tokenFromFragment('#')).toBeNull();
    expect(tokenFromFragment('#token=')).toBeNull();
    expect(tokenFromFragment('#token=short')).toBeNull();
    expect(tokenFromFragment('#token=has spaces in it')).toBeNull();
    expect(tokenFromFragment('#token=<script>alert(1)</script>')).toBeNull();
    expect(tokenFromFragment(`#token=${'a'.repeat(201)}`)).toBeNull();
  });

  it('ignores a query string: the token belongs in the fragment', () => {
    expect(tokenFromFragment(`?token=${TOKEN}`)).toBeNull();
  });
});
