// SPDX-License-Identifier: EUPL-1.2
/**
 * The password rule as far as the browser can check it before sending: the server checks it again (and more:
 * not the e-mail address, enough different characters) and its message then shows next to the field.
 */
import type { FormError } from './form-errors.ts';

/** Same as the server's PASSWORD_MIN_LENGTH (a unit test keeps them equal). */
export const PASSWORD_MIN_LENGTH = 12;

export interface NewPasswordMessages {
  empty: string;
  tooShort: string;
  repeatEmpty: string;
  mismatch: string;
}

/** Characters as a person counts them: an emoji or "é" is one, as the server counts them. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** Errors of a new password and its repetition, for the fields `newPassword` and `repeatPassword`. */
export function newPasswordErrors(
  newPassword: string,
  repeatPassword: string,
  messages: NewPasswordMessages,
): FormError[] {
  const errors: FormError[] = [];
  if (newPassword === '') errors.push({ field: 'newPassword', message: messages.empty });
  else if (passwordLength(newPassword) < PASSWORD_MIN_LENGTH)
    errors.push({ field: 'newPassword', message: messages.tooShort });
  if (repeatPassword === '') errors.push({ field: 'repeatPassword', message: messages.repeatEmpty });
  else if (newPassword !== '' && repeatPassword !== newPassword)
    errors.push({ field: 'repeatPassword', message: messages.mismatch });
  return errors;
}
