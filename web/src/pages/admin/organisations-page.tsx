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
import { ORGANISATION_KIND_LABELS } from '../../../../src/shared/access.ts';
import { accessApi } from '../../api/access-client.ts';
import { ACCESS_KEY, organisationsQuery } from '../../api/queries.ts';
import type { OrganisationInput, OrganisationSummary } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatNumber } from '../../lib/format.ts';
import { EMPTY_ORGANISATION } from '../../lib/organisation-form.ts';
import { texts } from '../../texts.ts';
import { AdminBreadcrumbs } from './admin-parts.tsx';
import { OrganisationForm } from './organisation-form.tsx';

const t = texts.organisations;

/** /beheer/organisaties: every organisation, and a form to add one. */
export function OrganisationsPage() {
  useDocumentTitle(t.documentTitle);
  const queryClient = useQueryClient();
  const query = useQuery(organisationsQuery());

  const create = async (body: OrganisationInput) => {
    const created = await accessApi.createOrganisation(queryClient, body);
    await queryClient.invalidateQueries({ queryKey: ACCESS_KEY });
    return t.added(created.name);
  };

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
        <OrganisationTable organisations={query.data.items} />
      )}
      <section aria-labelledby="organisatie-toevoegen" className="ks-section">
        <Heading level={2} id="organisatie-toevoegen">
          {t.addHeading}
        </Heading>
        <OrganisationForm
          initial={EMPTY_ORGANISATION}
          submitLabel={t.add}
          onSubmit={create}
          resetAfterSuccess
          headingLevel={3}
        />
      </section>
    </>
  );
}

export function areaText(organisation: Pick<OrganisationSummary, 'areaCode' | 'areaName'>): string {
  if (!organisation.areaCode) return texts.admin.none;
  return organisation.areaName
    ? t.areaOption(organisation.areaName, organisation.areaCode)
    : organisation.areaCode;
}

function OrganisationTable({ organisations }: { organisations: readonly OrganisationSummary[] }) {
  return (
    <TableContainer overflowInline className="ks-table-container">
      <Table className="ks-table">
        <TableCaption className="ks-table__caption">{t.caption(organisations.length)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.name}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.kind}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.area}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.centre}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t.members}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {organisations.map((organisation) => (
            <TableRow key={organisation.id}>
              <TableHeaderCell scope="row" className="ks-table__row-header">
                <AppLink to="/beheer/organisaties/$id" params={{ id: String(organisation.id) }}>
                  {organisation.name}
                </AppLink>
              </TableHeaderCell>
              <TableCell>{ORGANISATION_KIND_LABELS[organisation.kind]}</TableCell>
              <TableCell>{areaText(organisation)}</TableCell>
              <TableCell>{organisation.isCentreMunicipality ? texts.admin.yes : texts.admin.no}</TableCell>
              <TableCell numericColumn>{formatNumber(organisation.memberCount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
