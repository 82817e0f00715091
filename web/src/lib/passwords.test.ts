// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH as SERVER_MIN_LENGTH } from '../../../src/server/modules/access/access.domain.ts';
import { newPasswordErrors, PASSWORD_MIN_LENGTH, passwordLength } from './passwords.ts';

const messages = { empty: 'leeg', tooShort: 'kort', repeatEmpty: 'herhaal', mismatch: 'anders' };

describe('newPasswordErrors', () => {
  it('accepts a long enough password typed twice alike', () => {
    expect(newPasswordErrors('correct paard batterij', 'correct paard batterij', messages)).toEqual([]);
    expect(newPasswordErrors('123456789012', '123456789012', messages)).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(newPasswordErrors('', '', messages)).toEqual([
      { field: 'newPassword', message: 'leeg' },
      { field: 'repeatPassword', message: 'herhaal' },
    ]);
    expect(newPasswordErrors('12345678901', '12345678901', messages)).toEqual([
      { field: 'newPassword', message: 'kort' },
    ]);
    expect(newPasswordErrors('correct paard batterij', 'correct paard baterij', messages)).toEqual([
      { field: 'repeatPassword', message: 'anders' },
    ]);
  });

  it('does not call a repetition wrong while the first field is empty', () => {
    expect(newPasswordErrors('', 'iets', messages)).toEqual([{ field: 'newPassword', message: 'leeg' }]);
  });
});

describe('passwordLength', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(passwordLength('🔑🔑🔑')).toBe(3);
    expect(passwordLength('é')).toBe(1);
  });
});

it('uses the same minimum length as the server', () => {
  expect(PASSWORD_MIN_LENGTH).toBe(SERVER_MIN_LENGTH);
});
