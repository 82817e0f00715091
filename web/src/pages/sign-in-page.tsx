// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, ButtonLink, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { accessApi } from '../api/access-client.ts';
import { ACCESS_KEY, SESSION_KEY } from '../api/queries.ts';
import { AppLink } from '../components/app-link.tsx';
import { ErrorSummary, SubmitButton, TextField, useFormErrors } from '../components/form.tsx';
import { useSession } from '../components/session.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { collectErrors, errorOf, errorsFromFailure, requireValue } from '../lib/form-errors.ts';
import { afterSignInPath } from '../lib/return-path.ts';
import type { SignInSearch } from '../lib/sign-in-search.ts';
import { texts } from '../texts.ts';

const t = texts.signIn;
const FIELDS = ['email', 'password'] as const;

/** /inloggen: e-mail address and password, or the organisation's own identity provider when configured. */
export function SignInPage({ search }: { search: SignInSearch }) {
  useDocumentTitle(t.documentTitle);
  const session = useSession();
  const oidc = session.data?.oidc;
  const user = session.data?.user ?? null;
  // Set just before the session changes, so "al ingelogd" does not flash up on the way to the next page.
  const [signedInHere, setSignedInHere] = useState(false);

  return (
    <div className="ks-prose">
      <Heading level={1}>{t.heading}</Heading>
      {search.fout && (
        <Alert type="error" className="ks-notice">
          <Heading level={2} className="ks-notice__heading">
            {t.errorHeading}
          </Heading>
          <Paragraph>{search.fout === 'geen-toegang' ? t.errorNoAccess : t.errorFailed}</Paragraph>
        </Alert>
      )}
      {search.afgemeld && (
        <Alert type="ok" className="ks-notice">
          <Paragraph>
            {search.afgemeld === 'overal' ? t.signedOutEverywhere(search.sessies) : t.signedOut}
          </Paragraph>
        </Alert>
      )}
      {user && !search.afgemeld && !signedInHere && (
        <Alert type="info" className="ks-notice">
          <Paragraph>
            {t.alreadySignedIn(user.displayName)} <AppLink to="/account">{texts.guard.accountLink}</AppLink>
          </Paragraph>
        </Alert>
      )}
      {oidc?.enabled && (
        <section aria-labelledby="inloggen-organisatie" className="ks-section">
          <Heading level={2} id="inloggen-organisatie">
            {t.oidcHeading}
          </Heading>
          <Paragraph>{t.oidcIntro}</Paragraph>
          {/* A full page load: the server redirects to the identity provider. */}
          <ButtonLink appearance="primary-action-button" href="/api/auth/oidc/start">
            {oidc.label}
          </ButtonLink>
        </section>
      )}
      <section aria-labelledby={oidc?.enabled ? 'inloggen-wachtwoord' : undefined} className="ks-section">
        {oidc?.enabled ? (
          <Heading level={2} id="inloggen-wachtwoord">
            {t.passwordHeading}
          </Heading>
        ) : (
          <Paragraph>{t.intro}</Paragraph>
        )}
        <PasswordSignInForm terug={search.terug} onSignedIn={() => setSignedInHere(true)} />
        <Paragraph>{t.noPassword}</Paragraph>
      </section>
    </div>
  );
}

function PasswordSignInForm({ terug, onSignedIn }: { terug: string | undefined; onSignedIn(): void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useFormErrors();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) => accessApi.signIn(queryClient, body),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const errors = collectErrors(
      requireValue('email', email, t.emailEmpty),
      requireValue('password', password, t.passwordEmpty),
    );
    if (errors.length > 0) return form.show(errors);
    try {
      const state = await signIn.mutateAsync({ email: email.trim(), password });
      form.clear();
      onSignedIn();
      // Data of whoever was signed in before must not linger; the session answer carries the new CSRF token.
      queryClient.removeQueries({ queryKey: ACCESS_KEY });
      queryClient.setQueryData(SESSION_KEY, state);
      void queryClient.invalidateQueries();
      await navigate({ href: afterSignInPath(terug) });
    } catch (error) {
      setPassword('');
      form.show(errorsFromFailure(error, FIELDS, texts.forms.sendFailed));
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="ks-form">
      <ErrorSummary state={form} />
      <TextField
        id={form.idOf('email')}
        label={t.email}
        type="email"
        autoComplete="username"
        spellCheck={false}
        required
        value={email}
        onChange={setEmail}
        error={errorOf(form.errors, 'email')}
      />
      <TextField
        id={form.idOf('password')}
        label={t.password}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        error={errorOf(form.errors, 'password')}
      />
      <SubmitButton busy={signIn.isPending}>{t.submit}</SubmitButton>
    </form>
  );
}
