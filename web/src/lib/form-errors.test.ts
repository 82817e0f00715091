// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { collectErrors, errorOf, errorsFromFailure, requireValue } from './form-errors.ts';

describe('errorsFromFailure', () => {
  it('puts a 400 about a field of the form next to that field', () => {
    const error = new ApiError(400, "Ongeldig e-mailadres: 'x'.", 'email');
    expect(errorsFromFailure(error, ['email', 'displayName'], 'mislukt')).toEqual([
      { field: 'email', message: "Ongeldig e-mailadres: 'x'." },
    ]);
  });

  it('shows other answers of the server for the form as a whole', () => {
    expect(errorsFromFailure(new ApiError(400, 'Link ongeldig', 'token'), ['newPassword'], 'x')).toEqual([
      { field: null, message: 'Link ongeldig' },
    ]);
    expect(errorsFromFailure(new ApiError(401, 'Aanmelden is niet gelukt.'), ['email'], 'x')).toEqual([
      { field: null, message: 'Aanmelden is niet gelukt.' },
    ]);
    expect(errorsFromFailure(new ApiError(429, 'Te veel pogingen.'), ['email'], 'x')).toEqual([
      { field: null, message: 'Te veel pogingen.' },
    ]);
  });

  it('falls back to its own message when the server did not answer', () => {
    expect(errorsFromFailure(new TypeError('Failed to fetch'), ['email'], 'Geen verbinding.')).toEqual([
      { field: null, message: 'Geen verbinding.' },
    ]);
  });
});

describe('collectErrors', () => {
  it('keeps the first error per field, in order, and every general error', () => {
    expect(
      collectErrors(
        requireValue('email', ' ', 'Vul uw e-mailadres in.'),
        requireValue('password', 'geheim', 'Vul uw wachtwoord in.'),
        { field: 'email', message: 'tweede' },
        null,
        false,
        { field: null, message: 'algemeen' },
      ),
    ).toEqual([
      { field: 'email', message: 'Vul uw e-mailadres in.' },
      { field: null, message: 'algemeen' },
    ]);
  });
});

describe('errorOf', () => {
  it('finds the message of a field', () => {
    const errors = [{ field: 'name', message: 'Vul de naam in.' }];
    expect(errorOf(errors, 'name')).toBe('Vul de naam in.');
    expect(errorOf(errors, 'kind')).toBeUndefined();
  });
});
