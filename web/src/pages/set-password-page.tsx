// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { accessApi } from '../api/access-client.ts';
import { SESSION_KEY } from '../api/queries.ts';
import { AppLink } from '../components/app-link.tsx';
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from '../components/form.tsx';
import { ErrorMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { errorOf, errorsFromFailure } from '../lib/form-errors.ts';
import { newPasswordErrors } from '../lib/passwords.ts';
import { tokenFromFragment } from '../lib/token-fragment.ts';
import { texts } from '../texts.ts';

const t = texts.setPassword;

/**
 * /wachtwoord-instellen#token=…: the page of the one-time link a beheerder hands out. The token is read from the
 * fragment only, which the browser never sends to the server.
 */
export function SetPasswordPage() {
  useDocumentTitle(t.documentTitle);
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [doneFor, setDoneFor] = useState<string | null>(null);

  return (
    <div className="ks-prose">
      <Heading level={1}>{t.heading}</Heading>
      {doneFor !== null ? (
        <Done email={doneFor} />
      ) : token === null ? (
        <ErrorMessage>{t.missingToken}</ErrorMessage>
      ) : (
        <>
          <Paragraph>{t.intro}</Paragraph>
          <SetPasswordForm token={token} onDone={setDoneFor} />
        </>
      )}
    </div>
  );
}

function Done({ email }: { email: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Alert type="ok" className="ks-notice">
      <Heading level={2} ref={headingRef} tabIndex={-1} className="ks-notice__heading">
        {t.successHeading}
      </Heading>
      <Paragraph>{t.success(email)}</Paragraph>
      <Paragraph>
        <AppLink to="/inloggen">{t.signInLink}</AppLink>
      </Paragraph>
    </Alert>
  );
}

function SetPasswordForm({ token, onDone }: { token: string; onDone(email: string): void }) {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [newPassword, setNewPassword] = useState('');
  const [repeatPassword, setRepeatPassword] = useState('');
  const setPassword = useMutation({
    mutationFn: (body: { token: string; newPassword: string }) => accessApi.setPassword(queryClient, body),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (setPassword.isPending) return;
    const errors = newPasswordErrors(newPassword, repeatPassword, texts.passwordRules);
    if (errors.length > 0) return form.show(errors);
    try {
      const { email } = await setPassword.mutateAsync({ token, newPassword });
      // Setting a password ends every session of that user, perhaps the one in this browser.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      onDone(email);
    } catch (error) {
      form.show(errorsFromFailure(error, ['newPassword'], texts.forms.sendFailed));
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="ks-form">
      <ErrorSummary state={form} />
      <TextField
        id={form.idOf('newPassword')}
        label={t.newPassword}
        description={t.rule}
        type="password"
        autoComplete="new-password"
        required
        value={newPassword}
        onChange={setNewPassword}
        error={errorOf(form.errors, 'newPassword')}
      />
      <TextField
        id={form.idOf('repeatPassword')}
        label={t.repeatPassword}
        type="password"
        autoComplete="new-password"
        required
        value={repeatPassword}
        onChange={setRepeatPassword}
        error={errorOf(form.errors, 'repeatPassword')}
      />
      <SubmitButton busy={setPassword.isPending}>{t.submit}</SubmitButton>
    </form>
  );
}
