// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  Heading,
  Link,
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
import { AUDIT_RESULTS } from '../../../../src/shared/access.ts';
import { auditQuery } from '../../api/queries.ts';
import type { AuditEntry } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import {
  type AuditSearch,
  auditApiQuery,
  auditExportHref,
  auditPaging,
  auditSearchFromForm,
  formatAuditDetails,
  hasFilters,
  withPage,
} from '../../lib/audit-search.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { texts } from '../../texts.ts';
import { AdminBreadcrumbs } from './admin-parts.tsx';

const t = texts.audit;

/** /beheer/auditlog: search the audit log; the filters live in the URL. */
export function AuditLogPage({ search }: { search: AuditSearch }) {
  useDocumentTitle(t.documentTitle);
  const query = useQuery({ ...auditQuery(auditApiQuery(search)), placeholderData: keepPreviousData });
  const { pagina: _page, ...filters } = search;

  return (
    <>
      <AdminBreadcrumbs current={t.heading} />
      <Heading level={1}>{t.heading}</Heading>
      <Paragraph className="ks-prose">{t.intro}</Paragraph>
      <section aria-labelledby="zoeken" className="ks-section">
        <Heading level={2} id="zoeken">
          {t.filtersHeading}
        </Heading>
        {/* A new search in the URL (back button, a link) refills the form. */}
        <AuditFilters key={JSON.stringify(filters)} search={search} />
      </section>
      <div className="ks-section">
        <Paragraph role="status" className="ks-result-count">
          {query.isFetching
            ? t.updating
            : query.data
              ? t.resultCount(query.data.total, formatNumber(query.data.total))
              : ''}
        </Paragraph>
        {query.isPending ? (
          <LoadingMessage>{texts.common.loading}</LoadingMessage>
        ) : query.isError ? (
          <ErrorMessage>{query.error.message || texts.common.loadError(t.loadWhat)}</ErrorMessage>
        ) : query.data.total === 0 ? (
          <Paragraph>{t.noEntries}</Paragraph>
        ) : (
          <AuditTable entries={query.data.entries} total={query.data.total} search={search} />
        )}
        <Paragraph className="ks-export">
          {/* A plain link: the server answers with a CSV file to download. */}
          <Link href={auditExportHref(search)}>{t.exportLink}</Link>
          <span className="ks-export__description">{t.exportDescription}</span>
        </Paragraph>
      </div>
    </>
  );
}

const ACTION_OPTIONS = Object.entries(t.actions).map(([value, label]) => ({ value, label }));
const RESULT_OPTIONS = AUDIT_RESULTS.map((result) => ({ value: result, label: t.results[result] }));
const OBJECT_TYPE_OPTIONS = Object.entries(t.objectTypes).map(([value, label]) => ({ value, label }));

type FilterValues = Required<Omit<Record<keyof AuditSearch, string>, 'pagina'>>;

function AuditFilters({ search }: { search: AuditSearch }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<FilterValues>({
    van: search.van ?? '',
    tot: search.tot ?? '',
    actie: search.actie ?? '',
    wie: search.wie ?? '',
    resultaat: search.resultaat ?? '',
    objecttype: search.objecttype ?? '',
    object: search.object ?? '',
  });
  const set = (change: Partial<FilterValues>) => setValues((current) => ({ ...current, ...change }));
  const idOf = (field: string) => `auditlog-${field}`;
  // An action or object type of the URL that this version does not name yet stays choosable.
  const withCurrent = (options: { value: string; label: string }[], current: string) =>
    current && !options.some((option) => option.value === current)
      ? [...options, { value: current, label: current }]
      : options;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/beheer/auditlog', search: auditSearchFromForm(values) });
  };

  return (
    <form onSubmit={submit} noValidate className="ks-filters">
      <div className="ks-filters__fields">
        <TextField
          id={idOf('van')}
          label={t.from}
          type="date"
          value={values.van}
          onChange={(van) => set({ van })}
        />
        <TextField
          id={idOf('tot')}
          label={t.to}
          type="date"
          value={values.tot}
          onChange={(tot) => set({ tot })}
        />
        <SelectField
          id={idOf('actie')}
          label={t.action}
          value={values.actie}
          options={withCurrent(ACTION_OPTIONS, values.actie)}
          emptyOption={t.allActions}
          onChange={(actie) => set({ actie })}
        />
        <SelectField
          id={idOf('resultaat')}
          label={t.result}
          value={values.resultaat}
          options={RESULT_OPTIONS}
          emptyOption={t.allResults}
          onChange={(resultaat) => set({ resultaat })}
        />
        <TextField
          id={idOf('wie')}
          label={t.actor}
          description={t.actorDescription}
          value={values.wie}
          spellCheck={false}
          onChange={(wie) => set({ wie })}
        />
        <SelectField
          id={idOf('objecttype')}
          label={t.objectType}
          value={values.objecttype}
          options={withCurrent(OBJECT_TYPE_OPTIONS, values.objecttype)}
          emptyOption={t.allObjectTypes}
          onChange={(objecttype) => set({ objecttype })}
        />
        <TextField
          id={idOf('object')}
          label={t.objectId}
          value={values.object}
          spellCheck={false}
          onChange={(object) => set({ object })}
        />
      </div>
      <div className="ks-actions">
        <SubmitButton busy={false}>{t.search}</SubmitButton>
        {hasFilters(search) && (
          <AppLink to="/beheer/auditlog" search={{}}>
            {t.clear}
          </AppLink>
        )}
      </div>
    </form>
  );
}

function AuditTable({
  entries,
  total,
  search,
}: {
  entries: readonly AuditEntry[];
  total: number;
  search: AuditSearch;
}) {
  const paging = auditPaging(total, search.pagina ?? 1);
  return (
    <>
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table ks-audit-table">
          <TableCaption className="ks-table__caption">
            {paging.first === 0
              ? t.captionEmpty
              : t.caption(formatNumber(paging.first), formatNumber(paging.last), formatNumber(total))}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t.at}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.action}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.result}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.object}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.actor}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.origin}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.details}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {paging.pageCount > 1 && (
        <nav aria-label={t.paginationLabel} className="ks-pagination">
          {paging.previous !== null && (
            <AppLink to="/beheer/auditlog" search={withPage(search, paging.previous)} rel="prev">
              {t.previous}
            </AppLink>
          )}
          <span>{t.pageOf(paging.page, paging.pageCount)}</span>
          {paging.next !== null && (
            <AppLink to="/beheer/auditlog" search={withPage(search, paging.next)} rel="next">
              {t.next}
            </AppLink>
          )}
        </nav>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <TableRow>
      <TableCell className="ks-nowrap">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </TableCell>
      <TableHeaderCell scope="row" className="ks-table__row-header">
        {t.actions[entry.action] ?? entry.action}
      </TableHeaderCell>
      <TableCell>{t.results[entry.result]}</TableCell>
      <TableCell className="ks-audit-table__wrap">
        <AuditObject type={entry.objectType} id={entry.objectId} />
      </TableCell>
      <TableCell className="ks-audit-table__wrap">
        {entry.actorUserId ? (
          <AppLink to="/beheer/gebruikers/$id" params={{ id: entry.actorUserId }}>
            {entry.actorLabel}
          </AppLink>
        ) : (
          entry.actorLabel
        )}
      </TableCell>
      <TableCell className="ks-nowrap">{entry.origin}</TableCell>
      <TableCell className="ks-audit-table__details">{formatAuditDetails(entry.details)}</TableCell>
    </TableRow>
  );
}

function AuditObject({ type, id }: { type: string | null; id: string | null }) {
  if (!type) return texts.admin.none;
  const label = t.objectTypes[type] ?? type;
  if (!id) return label;
  // The id under the kind of object, in smaller print: a uuid is long.
  const text = (
    <>
      {label} <span className="ks-audit-table__id">{id}</span>
    </>
  );
  if (type === 'user')
    return (
      <AppLink to="/beheer/gebruikers/$id" params={{ id }}>
        {text}
      </AppLink>
    );
  if (type === 'organisation')
    return (
      <AppLink to="/beheer/organisaties/$id" params={{ id }}>
        {text}
      </AppLink>
    );
  return text;
}
