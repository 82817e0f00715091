// SPDX-License-Identifier: EUPL-1.2
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS } from '../../../src/shared/access.ts';
import { accessApi } from '../api/access-client.ts';
import { ACCESS_KEY, SESSION_KEY } from '../api/queries.ts';
import type { SessionUser } from '../api/types.ts';
import { ErrorSummary, StatusMessage, SubmitButton, TextField, useFormErrors } from '../components/form.tsx';
import { RequireSignedIn } from '../components/session.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { collectErrors, errorOf, errorsFromFailure, requireValue } from '../lib/form-errors.ts';
import { newPasswordErrors } from '../lib/passwords.ts';
import { texts } from '../texts.ts';

const t = texts.account;

/** /account: the signed-in user's own details, memberships, password and sign-out. */
export function AccountPage() {
  useDocumentTitle(t.documentTitle);
  return <RequireSignedIn>{(user) => <Account user={user} />}</RequireSignedIn>;
}

function Account({ user }: { user: SessionUser }) {
  return (
    <>
      <Heading level={1}>{t.heading}</Heading>
      <DataList className="ks-facts ks-facts--narrow">
        <DataListItem>
          <DataListKey>{t.name}</DataListKey>
          <DataListValue>{user.displayName}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.email}</DataListKey>
          <DataListValue>{user.email}</DataListValue>
        </DataListItem>
      </DataList>

      <section aria-labelledby="organisaties" className="ks-section">
        <Heading level={2} id="organisaties">
          {t.membershipsHeading}
        </Heading>
        {user.memberships.length === 0 ? (
          <Paragraph>{t.noMemberships}</Paragraph>
        ) : (
          <TableContainer overflowInline className="ks-table-container">
            <Table className="ks-table">
              <TableCaption className="ks-table__caption">{t.membershipsCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.organisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.kind}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.role}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {user.memberships.map((membership) => (
                  <TableRow key={membership.organisationId}>
                    <TableHeaderCell scope="row" className="ks-table__row-header">
                      {membership.organisationName}
                    </TableHeaderCell>
                    <TableCell>{ORGANISATION_KIND_LABELS[membership.organisationKind]}</TableCell>
                    <TableCell>{ROLE_LABELS[membership.role]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </section>

      <section aria-labelledby="wachtwoord" className="ks-section">
        <Heading level={2} id="wachtwoord">
          {t.passwordHeading}
        </Heading>
        <Paragraph>{t.passwordIntro}</Paragraph>
        <ChangePasswordForm email={user.email} />
      </section>

      <section aria-labelledby="afmelden" className="ks-section">
        <Heading level={2} id="afmelden">
          {t.signOutHeading}
        </Heading>
        <Paragraph className="ks-prose">{t.signOutIntro}</Paragraph>
        <SignOutButtons />
      </section>
    </>
  );
}

function ChangePasswordForm({ email }: { email: string }) {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeatPassword, setRepeatPassword] = useState('');
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      accessApi.changePassword(queryClient, body),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    setDone(false);
    const errors = collectErrors(
      requireValue('currentPassword', currentPassword, t.currentEmpty),
      ...newPasswordErrors(newPassword, repeatPassword, texts.passwordRules),
    );
    if (errors.length > 0) return form.show(errors);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.clear();
      setCurrentPassword('');
      setNewPassword('');
      setRepeatPassword('');
      setDone(true);
    } catch (error) {
      form.show(errorsFromFailure(error, ['currentPassword', 'newPassword'], texts.forms.sendFailed));
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="ks-form">
      <ErrorSummary state={form} headingLevel={3} />
      {/* For password managers: which account this new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id={form.idOf('currentPassword')}
        label={t.currentPassword}
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errorOf(form.errors, 'currentPassword')}
      />
      <TextField
        id={form.idOf('newPassword')}
        label={texts.setPassword.newPassword}
        description={texts.setPassword.rule}
        type="password"
        autoComplete="new-password"
        required
        value={newPassword}
        onChange={setNewPassword}
        error={errorOf(form.errors, 'newPassword')}
      />
      <TextField
        id={form.idOf('repeatPassword')}
        label={texts.setPassword.repeatPassword}
        type="password"
        autoComplete="new-password"
        required
        value={repeatPassword}
        onChange={setRepeatPassword}
        error={errorOf(form.errors, 'repeatPassword')}
      />
      <SubmitButton busy={change.isPending}>{t.passwordSubmit}</SubmitButton>
      <StatusMessage message={done ? t.passwordChanged : null} />
    </form>
  );
}

function SignOutButtons() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useFormErrors();
  const signOut = useMutation({
    mutationFn: async (everywhere: boolean): Promise<number | undefined> => {
      if (everywhere) return (await accessApi.signOutEverywhere(queryClient)).sessionsEnded;
      await accessApi.signOut(queryClient);
      return undefined;
    },
  });

  const run = async (everywhere: boolean) => {
    if (signOut.isPending) return;
    try {
      const sessionsEnded = await signOut.mutateAsync(everywhere);
      form.clear();
      queryClient.removeQueries({ queryKey: ACCESS_KEY });
      // Leave this page first: it would otherwise send the now signed-out visitor to /inloggen?terug=/account.
      await navigate({
        to: '/inloggen',
        search: everywhere ? { afgemeld: 'overal', sessies: sessionsEnded } : { afgemeld: 'ja' },
      });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (error) {
      form.show(errorsFromFailure(error, [], t.signOutFailed));
    }
  };

  return (
    <>
      <ErrorSummary state={form} headingLevel={3} />
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={signOut.isPending} onClick={() => run(false)}>
          {t.signOut}
        </Button>
        <Button appearance="secondary-action-button" busy={signOut.isPending} onClick={() => run(true)}>
          {t.signOutEverywhere}
        </Button>
      </ButtonGroup>
    </>
  );
}
