// SPDX-License-Identifier: EUPL-1.2
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  PreHeading,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { ORGANISATION_KIND_LABELS, ROLE_LABELS } from '../../../../src/shared/access.ts';
import { accessApi } from '../../api/access-client.ts';
import { ACCESS_KEY, organisationQuery } from '../../api/queries.ts';
import type { OrganisationDetail, OrganisationInput } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime } from '../../lib/format.ts';
import { organisationFormValues } from '../../lib/organisation-form.ts';
import { texts } from '../../texts.ts';
import { AdminBreadcrumbs, statusLabel } from './admin-parts.tsx';
import { OrganisationForm } from './organisation-form.tsx';
import { areaText } from './organisations-page.tsx';

const t = texts.organisations;

/** /beheer/organisaties/$id: change an organisation, and see its members. */
export function OrganisationPage({ id }: { id: string }) {
  const query = useQuery(organisationQuery(id));
  useDocumentTitle(query.data?.name ?? t.documentTitle);

  if (query.isPending) return <LoadingMessage>{texts.common.loading}</LoadingMessage>;
  if (query.isError)
    return (
      <>
        <AdminBreadcrumbs section="organisaties" current={t.documentTitle} />
        <Heading level={1}>{t.heading}</Heading>
        <ErrorMessage>{query.error.message || texts.common.loadError(t.loadOneWhat)}</ErrorMessage>
      </>
    );
  return <OrganisationDetails organisation={query.data} />;
}

function OrganisationDetails({ organisation }: { organisation: OrganisationDetail }) {
  const queryClient = useQueryClient();

  const save = async (body: OrganisationInput) => {
    const saved = await accessApi.updateOrganisation(queryClient, organisation.id, body);
    queryClient.setQueryData(organisationQuery(String(organisation.id)).queryKey, saved);
    void queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
    return t.saved;
  };

  return (
    <>
      <AdminBreadcrumbs section="organisaties" current={organisation.name} />
      <PreHeading>{ORGANISATION_KIND_LABELS[organisation.kind]}</PreHeading>
      <Heading level={1}>{organisation.name}</Heading>
      <DataList className="ks-facts ks-facts--narrow">
        <DataListItem>
          <DataListKey>{t.area}</DataListKey>
          <DataListValue>{areaText(organisation)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.centre}</DataListKey>
          <DataListValue>
            {organisation.isCentreMunicipality ? texts.admin.yes : texts.admin.no}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.createdAt}</DataListKey>
          <DataListValue>{formatDateTime(organisation.createdAt)}</DataListValue>
        </DataListItem>
      </DataList>

      <section aria-labelledby="leden" className="ks-section">
        <Heading level={2} id="leden">
          {t.membersHeading}
        </Heading>
        {organisation.members.length === 0 ? (
          <Paragraph>{t.noMembers}</Paragraph>
        ) : (
          <TableContainer overflowInline className="ks-table-container">
            <Table className="ks-table">
              <TableCaption className="ks-table__caption">
                {t.membersCaption(organisation.name, organisation.members.length)}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.memberName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.memberEmail}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.memberRole}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.memberStatus}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {organisation.members.map((member) => (
                  <TableRow key={member.userId}>
                    <TableHeaderCell scope="row" className="ks-table__row-header">
                      <AppLink to="/beheer/gebruikers/$id" params={{ id: member.userId }}>
                        {member.displayName}
                      </AppLink>
                    </TableHeaderCell>
                    <TableCell>{member.email}</TableCell>
                    <TableCell>{ROLE_LABELS[member.role]}</TableCell>
                    <TableCell>{statusLabel(member.disabled)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        <Paragraph>{t.membersHint}</Paragraph>
      </section>

      <section aria-labelledby="wijzigen" className="ks-section">
        <Heading level={2} id="wijzigen">
          {t.editHeading}
        </Heading>
        <OrganisationForm
          key={organisation.id}
          initial={organisationFormValues(organisation)}
          submitLabel={t.save}
          onSubmit={save}
          resetAfterSuccess={false}
          headingLevel={3}
        />
      </section>
    </>
  );
}
