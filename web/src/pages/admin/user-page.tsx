// SPDX-License-Identifier: EUPL-1.2
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useId, useState } from 'react';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS, ROLES, type Role } from '../../../../src/shared/access.ts';
import { accessApi } from '../../api/access-client.ts';
import { ACCESS_KEY, organisationsQuery, SESSION_KEY, userQuery } from '../../api/queries.ts';
import type { Membership, PasswordLink, UserSummary } from '../../api/types.ts';
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
import { formatDateTime } from '../../lib/format.ts';
import { texts } from '../../texts.ts';
import {
  AdminBreadcrumbs,
  PasswordLinkPanel,
  ROLE_OPTIONS,
  signInMethod,
  statusLabel,
} from './admin-parts.tsx';

const t = texts.users;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** /beheer/gebruikers/$id: rename, disable or enable a user, manage memberships, hand out a new password link. */
export function UserPage({ id }: { id: string }) {
  const query = useQuery(userQuery(id));
  useDocumentTitle(query.data?.displayName ?? t.documentTitle);

  if (query.isPending) return <LoadingMessage>{texts.common.loading}</LoadingMessage>;
  if (query.isError)
    return (
      <>
        <AdminBreadcrumbs section="gebruikers" current={t.documentTitle} />
        <Heading level={1}>{t.heading}</Heading>
        <ErrorMessage>{query.error.message || texts.common.loadError(t.loadOneWhat)}</ErrorMessage>
      </>
    );
  return <UserDetails user={query.data} />;
}

/** Keeps the page's copy of the user and the lists in step after a change. */
function useUserUpdated(userId: string) {
  const queryClient = useQueryClient();
  return (updated: UserSummary) => {
    queryClient.setQueryData(userQuery(userId).queryKey, updated);
    void queryClient.invalidateQueries({
      queryKey: ACCESS_KEY,
      predicate: (query) => query.queryKey[1] !== 'user',
    });
    // The beheerder may have changed their own name or role.
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
}

function UserDetails({ user }: { user: UserSummary }) {
  return (
    <>
      <AdminBreadcrumbs section="gebruikers" current={user.displayName} />
      <Heading level={1}>{user.displayName}</Heading>
      <DataList className="ks-facts ks-facts--narrow">
        <DataListItem>
          <DataListKey>{t.email}</DataListKey>
          <DataListValue>{user.email}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.signInMethod}</DataListKey>
          <DataListValue>{signInMethod(user)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.status}</DataListKey>
          <DataListValue>{statusLabel(user.disabled)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.createdAt}</DataListKey>
          <DataListValue>{formatDateTime(user.createdAt)}</DataListValue>
        </DataListItem>
      </DataList>
      <MembershipsSection user={user} />
      <PasswordLinkSection user={user} />
      <NameSection user={user} />
      <StatusSection user={user} />
    </>
  );
}

function NameSection({ user }: { user: UserSummary }) {
  const queryClient = useQueryClient();
  const updated = useUserUpdated(user.id);
  const form = useFormErrors();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setConfirmation(null);
    const errors = collectErrors(requireValue('displayName', displayName, t.displayNameEmpty));
    if (errors.length > 0) return form.show(errors);
    setBusy(true);
    try {
      updated(await accessApi.updateUser(queryClient, user.id, { displayName: displayName.trim() }));
      form.clear();
      setConfirmation(t.nameSaved);
    } catch (error) {
      form.show(errorsFromFailure(error, ['displayName'], texts.forms.sendFailed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="naam" className="ks-section">
      <Heading level={2} id="naam">
        {t.nameHeading}
      </Heading>
      <form onSubmit={submit} noValidate className="ks-form">
        <ErrorSummary state={form} headingLevel={3} />
        <TextField
          id={form.idOf('displayName')}
          label={t.displayName}
          description={t.displayNameDescription}
          autoComplete="off"
          required
          value={displayName}
          onChange={setDisplayName}
          error={errorOf(form.errors, 'displayName')}
        />
        <SubmitButton busy={busy}>{t.saveName}</SubmitButton>
        <StatusMessage message={confirmation} />
      </form>
    </section>
  );
}

function StatusSection({ user }: { user: UserSummary }) {
  const queryClient = useQueryClient();
  const updated = useUserUpdated(user.id);
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);

  const toggle = async () => {
    if (busy) return;
    setConfirmation(null);
    setBusy(true);
    try {
      const result = await accessApi.updateUser(queryClient, user.id, { disabled: !user.disabled });
      updated(result);
      form.clear();
      setConfirmation(result.disabled ? t.disabledDone : t.enabledDone);
    } catch (error) {
      form.show(errorsFromFailure(error, [], texts.forms.sendFailed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="status" className="ks-section">
      <Heading level={2} id="status">
        {t.statusHeading}
      </Heading>
      <ErrorSummary state={form} headingLevel={3} />
      <Paragraph className="ks-prose">{user.disabled ? t.enableIntro : t.disableIntro}</Paragraph>
      <Button
        appearance={user.disabled ? 'primary-action-button' : 'secondary-action-button'}
        hint={user.disabled ? undefined : 'danger'}
        busy={busy}
        onClick={toggle}
      >
        {user.disabled ? t.enable : t.disable}
      </Button>
      <StatusMessage message={confirmation} />
    </section>
  );
}

function PasswordLinkSection({ user }: { user: UserSummary }) {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<PasswordLink | null>(null);

  const issue = async () => {
    if (busy) return;
    setBusy(true);
    setLink(null);
    try {
      setLink(await accessApi.issuePasswordLink(queryClient, user.id));
      form.clear();
    } catch (error) {
      form.show(errorsFromFailure(error, [], texts.forms.sendFailed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="wachtwoordlink" className="ks-section">
      <Heading level={2} id="wachtwoordlink">
        {t.linkHeading}
      </Heading>
      <ErrorSummary state={form} headingLevel={3} />
      <Paragraph className="ks-prose">{t.linkIntro}</Paragraph>
      <Button appearance="secondary-action-button" busy={busy} onClick={issue}>
        {t.newLink}
      </Button>
      {link && (
        <PasswordLinkPanel key={link.link} name={user.displayName} passwordLink={link} headingLevel={3} />
      )}
    </section>
  );
}

function MembershipsSection({ user }: { user: UserSummary }) {
  const form = useFormErrors();
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const feedback = { form, confirm: setConfirmation };

  return (
    <section aria-labelledby="lidmaatschappen" className="ks-section">
      <Heading level={2} id="lidmaatschappen">
        {t.membershipsHeading}
      </Heading>
      <ErrorSummary state={form} headingLevel={3} />
      <StatusMessage message={confirmation} />
      {user.memberships.length === 0 ? (
        <Paragraph>{t.noMemberships}</Paragraph>
      ) : (
        <TableContainer overflowInline className="ks-table-container">
          <Table className="ks-table">
            <TableCaption className="ks-table__caption">
              {t.membershipsCaption(user.displayName)}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{texts.account.organisation}</TableHeaderCell>
                <TableHeaderCell scope="col">{texts.account.kind}</TableHeaderCell>
                <TableHeaderCell scope="col">{texts.account.role}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.actions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {user.memberships.map((membership) => (
                <MembershipRow
                  key={membership.organisationId}
                  user={user}
                  membership={membership}
                  feedback={feedback}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <AddMembershipForm user={user} onAdded={setConfirmation} />
    </section>
  );
}

interface Feedback {
  form: ReturnType<typeof useFormErrors>;
  confirm(message: string | null): void;
}

function MembershipRow({
  user,
  membership,
  feedback,
}: {
  user: UserSummary;
  membership: Membership;
  feedback: Feedback;
}) {
  const queryClient = useQueryClient();
  const updated = useUserUpdated(user.id);
  const id = useId();
  const [role, setRole] = useState<Role>(membership.role);
  const [busy, setBusy] = useState(false);
  const organisation = membership.organisationName;
  const hiddenOrganisation = (
    <span className="ks-visually-hidden">{texts.forms.atOrganisation(organisation)}</span>
  );

  const run = async (change: () => Promise<UserSummary>, message: string) => {
    if (busy) return;
    feedback.confirm(null);
    setBusy(true);
    try {
      updated(await change());
      feedback.form.clear();
      feedback.confirm(message);
    } catch (error) {
      feedback.form.show(errorsFromFailure(error, [], texts.forms.sendFailed));
      setRole(membership.role);
    } finally {
      setBusy(false);
    }
  };

  const changeRole = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => accessApi.setMembership(queryClient, user.id, membership.organisationId, role),
      t.roleChanged(organisation, ROLE_LABELS[role]),
    );
  };
  const remove = () =>
    void run(
      () => accessApi.removeMembership(queryClient, user.id, membership.organisationId),
      t.membershipRemoved(organisation),
    );

  return (
    <TableRow>
      <TableHeaderCell scope="row" className="ks-table__row-header">
        <AppLink to="/beheer/organisaties/$id" params={{ id: String(membership.organisationId) }}>
          {organisation}
        </AppLink>
      </TableHeaderCell>
      <TableCell>{ORGANISATION_KIND_LABELS[membership.organisationKind]}</TableCell>
      <TableCell>
        <form onSubmit={changeRole} className="ks-inline-form">
          <FormLabel htmlFor={`${id}-role`} className="ks-visually-hidden">
            {t.roleFor(organisation)}
          </FormLabel>
          <Select
            id={`${id}-role`}
            value={role}
            onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}
          >
            {ROLE_OPTIONS.map((option) => (
              <SelectOption key={option.value} value={option.value}>
                {option.label}
              </SelectOption>
            ))}
          </Select>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {t.changeRole}
            {hiddenOrganisation}
          </Button>
        </form>
      </TableCell>
      <TableCell>
        <Button appearance="subtle-button" hint="danger" busy={busy} onClick={remove}>
          {t.remove}
          {hiddenOrganisation}
        </Button>
      </TableCell>
    </TableRow>
  );
}

function AddMembershipForm({ user, onAdded }: { user: UserSummary; onAdded(message: string | null): void }) {
  const queryClient = useQueryClient();
  const updated = useUserUpdated(user.id);
  const organisations = useQuery(organisationsQuery());
  const form = useFormErrors();
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);

  const memberOf = new Set(user.memberships.map((membership) => membership.organisationId));
  const available = (organisations.data?.items ?? []).filter(
    (organisation) => !memberOf.has(organisation.id),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    onAdded(null);
    const errors = collectErrors(
      requireValue('organisationId', organisationId, t.membershipOrganisationEmpty),
      requireValue('role', role, t.membershipRoleEmpty),
    );
    if (errors.length > 0 || !isRole(role)) return form.show(errors);
    const organisation = available.find((candidate) => String(candidate.id) === organisationId);
    setBusy(true);
    try {
      updated(await accessApi.setMembership(queryClient, user.id, Number(organisationId), role));
      form.clear();
      setOrganisationId('');
      setRole('');
      onAdded(t.membershipAdded(organisation?.name ?? organisationId, ROLE_LABELS[role]));
    } catch (error) {
      form.show(errorsFromFailure(error, ['organisationId', 'role'], texts.forms.sendFailed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading level={3}>{t.addMembershipHeading}</Heading>
      {organisations.isSuccess && available.length === 0 ? (
        <Paragraph>{t.allOrganisationsTaken}</Paragraph>
      ) : (
        <form onSubmit={submit} noValidate className="ks-form">
          <ErrorSummary state={form} headingLevel={3} />
          <SelectField
            id={form.idOf('organisationId')}
            label={t.membershipOrganisation}
            value={organisationId}
            options={available.map((organisation) => ({
              value: String(organisation.id),
              label: organisation.name,
            }))}
            emptyOption={organisations.isPending ? texts.common.loading : t.membershipOrganisationChoose}
            onChange={setOrganisationId}
            required
            error={errorOf(form.errors, 'organisationId')}
          />
          <SelectField
            id={form.idOf('role')}
            label={t.membershipRole}
            value={role}
            options={ROLE_OPTIONS}
            emptyOption={t.membershipRoleChoose}
            onChange={setRole}
            required
            error={errorOf(form.errors, 'role')}
          />
          <SubmitButton busy={busy}>{t.addMembership}</SubmitButton>
        </form>
      )}
    </>
  );
}
