// SPDX-License-Identifier: EUPL-1.2
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
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
import { ROLE_LABELS, ROLES, type Role } from '../../../../src/shared/access.ts';
import { accessApi } from '../../api/access-client.ts';
import { ACCESS_KEY, organisationsQuery, usersQuery } from '../../api/queries.ts';
import type { CreatedUser, CreateUserInput, UserSummary } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import {
  ErrorSummary,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/form.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { collectErrors, errorOf, errorsFromFailure, requireValue } from '../../lib/form-errors.ts';
import { texts } from '../../texts.ts';
import {
  AdminBreadcrumbs,
  PasswordLinkPanel,
  ROLE_OPTIONS,
  signInMethod,
  statusLabel,
} from './admin-parts.tsx';

const t = texts.users;

/** /beheer/gebruikers: every user with their memberships, and a form to add one. */
export function UsersPage() {
  useDocumentTitle(t.documentTitle);
  const query = useQuery(usersQuery());
  const [created, setCreated] = useState<CreatedUser | null>(null);

  return (
    <>
      <AdminBreadcrumbs current={t.heading} />
      <Heading level={1}>{t.heading}</Heading>
      {query.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : query.isError ? (
        <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>
      ) : query.data.items.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <UserTable users={query.data.items} />
      )}
      <section aria-labelledby="gebruiker-toevoegen" className="ks-section">
        <Heading level={2} id="gebruiker-toevoegen">
          {t.addHeading}
        </Heading>
        <Paragraph className="ks-prose">{t.addIntro}</Paragraph>
        {created && (
          <PasswordLinkPanel
            key={created.user.id}
            name={created.user.displayName}
            passwordLink={created.passwordLink}
            headingLevel={3}
          />
        )}
        <CreateUserForm onCreated={setCreated} />
      </section>
    </>
  );
}

function UserTable({ users }: { users: readonly UserSummary[] }) {
  return (
    <TableContainer overflowInline className="ks-table-container">
      <Table className="ks-table">
        <TableCaption className="ks-table__caption">{t.caption(users.length)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.email}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.memberships}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.signInMethod}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.status}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id} className={user.disabled ? 'ks-row--disabled' : undefined}>
              <TableHeaderCell scope="row" className="ks-table__row-header">
                <AppLink to="/beheer/gebruikers/$id" params={{ id: user.id }}>
                  {user.displayName}
                </AppLink>
              </TableHeaderCell>
              <TableCell>{user.email}</TableCell>
              <TableCell>
                {user.memberships.length === 0 ? (
                  texts.admin.none
                ) : (
                  <ul className="ks-plain-list">
                    {user.memberships.map((membership) => (
                      <li key={membership.organisationId}>
                        {t.membership(membership.organisationName, ROLE_LABELS[membership.role])}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
              <TableCell>{signInMethod(user)}</TableCell>
              <TableCell>{statusLabel(user.disabled)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

const FIELDS = ['email', 'displayName', 'organisationId', 'role'] as const;
const EMPTY = { email: '', displayName: '', organisationId: '', role: '' };

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function CreateUserForm({ onCreated }: { onCreated(created: CreatedUser | null): void }) {
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQuery());
  const form = useFormErrors();
  const [values, setValues] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const set = (change: Partial<typeof EMPTY>) => setValues((current) => ({ ...current, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setConfirmation(null);
    const errors = collectErrors(
      requireValue('email', values.email, t.emailEmpty),
      requireValue('displayName', values.displayName, t.displayNameEmpty),
      values.organisationId !== '' && values.role === '' && { field: 'role', message: t.roleMissing },
      values.organisationId === '' &&
        values.role !== '' && { field: 'organisationId', message: t.organisationMissing },
    );
    if (errors.length > 0) return form.show(errors);
    const body: CreateUserInput = { email: values.email.trim(), displayName: values.displayName.trim() };
    if (values.organisationId !== '' && isRole(values.role)) {
      body.organisationId = Number(values.organisationId);
      body.role = values.role;
    }
    setBusy(true);
    onCreated(null);
    try {
      const created = await accessApi.createUser(queryClient, body);
      form.clear();
      setValues(EMPTY);
      setConfirmation(t.added(created.user.displayName));
      void queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
      onCreated(created);
    } catch (error) {
      form.show(errorsFromFailure(error, FIELDS, texts.forms.sendFailed));
    } finally {
      setBusy(false);
    }
  };

  const organisationOptions = (organisations.data?.items ?? []).map((organisation) => ({
    value: String(organisation.id),
    label: organisation.name,
  }));

  return (
    <form onSubmit={submit} noValidate className="ks-form">
      <StatusMessage message={confirmation} />
      <ErrorSummary state={form} headingLevel={3} />
      <TextField
        id={form.idOf('email')}
        label={t.email}
        description={t.emailDescription}
        type="email"
        autoComplete="off"
        spellCheck={false}
        required
        value={values.email}
        onChange={(email) => set({ email })}
        error={errorOf(form.errors, 'email')}
      />
      <TextField
        id={form.idOf('displayName')}
        label={t.displayName}
        description={t.displayNameDescription}
        autoComplete="off"
        required
        value={values.displayName}
        onChange={(displayName) => set({ displayName })}
        error={errorOf(form.errors, 'displayName')}
      />
      <SelectField
        id={form.idOf('organisationId')}
        label={t.organisation}
        description={t.organisationRoleDescription}
        value={values.organisationId}
        options={organisationOptions}
        emptyOption={t.organisationNone}
        onChange={(organisationId) => set({ organisationId })}
        error={errorOf(form.errors, 'organisationId')}
      />
      <SelectField
        id={form.idOf('role')}
        label={t.role}
        value={values.role}
        options={ROLE_OPTIONS}
        emptyOption={t.roleNone}
        onChange={(role) => set({ role })}
        error={errorOf(form.errors, 'role')}
      />
      <SubmitButton busy={busy}>{t.add}</SubmitButton>
    </form>
  );
}
