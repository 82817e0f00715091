// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  Alert,
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
import { type FormEvent, type ReactNode, useState } from 'react';
import { FOLLOW_UP_DECISION_LABELS, FOLLOW_UP_DECISIONS } from '../../../../src/shared/cases.ts';
import { CASES_PAGE_SIZE, type CaseListItem, casesQuery, useInterventions } from '../../api/cases-queries.ts';
import { ApiError } from '../../api/client.ts';
import { AppLink } from '../../components/app-link.tsx';
import {
  ErrorSummary,
  type FormErrorState,
  SelectField,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/form.tsx';
import { RequireSignedIn } from '../../components/session.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { auditPaging } from '../../lib/audit-search.ts';
import {
  decisionLabel,
  type RegisterFormValues,
  registerFormProblems,
  registerSearchFromForm,
  safetyAssessmentLabel,
  stoppedText,
  withRegisterPage,
} from '../../lib/case-pages.ts';
import type { RegisterSearch } from '../../lib/cases-search.ts';
import { errorOf } from '../../lib/form-errors.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { texts } from '../../texts.ts';

const t = {
  title: 'Casusregister',
  intro:
    'De casussen waarbij uw organisatie betrokken is: als aanleverende organisatie, als ontvangend team bij de overdracht of als regisseur. Elke casus is een melding bij één huishouden.',
  auditNotice:
    'Elke keer dat u deze pagina bekijkt, wordt dat vastgelegd in het auditlog: wie, wanneer en met welke filters.',
  privacyNotice:
    'Het register bevat geen namen, geen BSN en geen vrije tekst: alleen pseudoniemen, datums en codes. Een pseudoniem kan niet worden teruggerekend naar het nummer in het systeem van de aanleverancier.',
  followUpsLink: 'Vervolgmetingen die nu of te laat zijn',
  importLink: 'Casussen aanleveren',
  filtersHeading: 'Zoeken',
  gemeente: 'Gemeente',
  gemeenteDescription: 'CBS-code, bijvoorbeeld GM0363.',
  regio: 'Veilig Thuis-regio',
  regioDescription: 'Regiocode, bijvoorbeeld VT13.',
  jaar: 'Jaar van de melding',
  besluit: 'Besluit',
  allDecisions: 'Alle besluiten',
  interventie: 'Primaire interventie',
  allInterventions: 'Alle interventies',
  status: 'Status',
  allStates: 'Lopend en gesloten',
  states: { lopend: 'Lopend', gesloten: 'Gesloten' },
  huishouden: 'Huishouden (pseudoniem)',
  huishoudenDescription: 'Het pseudoniem of het begin ervan, zoals 1A2B-3C4D-5E6F.',
  search: 'Zoeken',
  clear: 'Alle filters wissen',
  updating: 'De lijst wordt bijgewerkt…',
  resultCount: (total: number) =>
    total === 1 ? '1 casus gevonden' : `${formatNumber(total)} casussen gevonden`,
  none: 'Er zijn geen casussen die bij deze filters passen.',
  loadWhat: 'het casusregister',
  caption: (first: number, last: number, total: number) =>
    `Casussen ${formatNumber(first)} tot en met ${formatNumber(last)} van ${formatNumber(total)}, de nieuwste melding eerst`,
  columns: {
    case: 'Casus',
    household: 'Huishouden',
    gemeente: 'Gemeente',
    melding: 'Melding',
    safety: 'Veiligheidsbeoordeling',
    decision: 'Besluit',
    handover: 'Overdracht',
    intervention: 'Primaire interventie',
    closed: 'Afgesloten',
    stopped: 'Geweld gestopt na 12 mnd',
  },
  householdLink: (pseudonym: string) => `Tijdlijn van huishouden ${pseudonym}`,
  ongoing: 'lopend',
  paginationLabel: 'Pagina’s van het casusregister',
  previous: 'Vorige pagina',
  next: 'Volgende pagina',
  pageOf: (page: number, count: number) => `Pagina ${formatNumber(page)} van ${formatNumber(count)}`,
};

/** /casussen: the case register of the cases the user's organisations are involved in; the filters are in the URL. */
export function CaseRegisterPage({ search }: { search: RegisterSearch }) {
  useDocumentTitle(t.title);
  return <RequireSignedIn>{() => <Register search={search} />}</RequireSignedIn>;
}

function Register({ search }: { search: RegisterSearch }) {
  const query = useQuery({ ...casesQuery(search), placeholderData: keepPreviousData });
  const { pagina: _page, ...filters } = search;
  // Without the role there is nothing to filter: only the reason, and who may see cases.
  if (query.isError && isForbidden(query.error))
    return (
      <>
        <Heading level={1}>{t.title}</Heading>
        <Paragraph className="ks-prose">{t.intro}</Paragraph>
        <CaseLoadError error={query.error} what={t.loadWhat} />
      </>
    );
  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph className="ks-prose">{t.intro}</Paragraph>
      <CaseNotice>
        <Paragraph>{t.auditNotice}</Paragraph>
        <Paragraph>{t.privacyNotice}</Paragraph>
      </CaseNotice>
      <ul className="ks-plain-list ks-indicator-links">
        <li>
          <AppLink to="/vervolgmetingen" search={{}}>
            {t.followUpsLink}
          </AppLink>
        </li>
        <li>
          <AppLink to="/casussen/aanleveren">{t.importLink}</AppLink>
        </li>
      </ul>
      <section aria-labelledby="casussen-zoeken" className="ks-section">
        <Heading level={2} id="casussen-zoeken">
          {t.filtersHeading}
        </Heading>
        {/* A new search in the URL (back button, a link) refills the form. */}
        <RegisterFilters key={JSON.stringify(filters)} search={search} />
      </section>
      <div className="ks-section">
        <Paragraph role="status" className="ks-result-count">
          {query.isFetching ? t.updating : query.data ? t.resultCount(query.data.total) : ''}
        </Paragraph>
        {query.isPending ? (
          <LoadingMessage>{texts.common.loading}</LoadingMessage>
        ) : query.isError ? (
          <CaseLoadError error={query.error} what={t.loadWhat} />
        ) : query.data.total === 0 || query.data.items.length === 0 ? (
          <Paragraph>{t.none}</Paragraph>
        ) : (
          <RegisterTable items={query.data.items} total={query.data.total} search={search} />
        )}
      </div>
    </>
  );
}

/** The notice on every case-level page: reads are audited, and the register holds pseudonyms only. */
export function CaseNotice({ children }: { children: ReactNode }) {
  return (
    <Alert type="info" role="note" className="ks-notice">
      {children}
    </Alert>
  );
}

const accessTexts = {
  deniedHeading: 'Geen toegang tot casussen',
  deniedWho:
    'Casussen op casusniveau zijn alleen zichtbaar voor medewerkers met de rol casusregie of aanleverancier van een organisatie die bij de casus betrokken is: de aanleverende organisatie (Veilig Thuis of een lokaal team), het team dat de casus bij de overdracht ontving, of de regisseur. De tijdlijn van een huishouden is alleen voor de rol casusregie.',
  deniedElse:
    'Iedereen die cijfers mag zien, ziet wel de uitkomsten in totalen, beschermd tegen herleidbaarheid. Hebt u de rol nodig voor uw werk? Vraag de beheerder van Ketenzicht.',
  outcomesLink: 'Naar de uitkomsten',
  accountLink: 'Uw rollen op de pagina Mijn account',
};

/** The server refused a case-level read: the user has no casusregie or aanleverancier role for it. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/**
 * Why a case-level read failed. A 403 shows the server's own message and says who may see cases; other errors
 * show the server's message (a 404 says what was not found).
 */
export function CaseLoadError({ error, what }: { error: Error; what: string }) {
  if (isForbidden(error))
    return (
      <Alert type="error" role="alert" className="ks-notice">
        <Heading level={2} className="ks-notice__heading">
          {accessTexts.deniedHeading}
        </Heading>
        <Paragraph>{error.message}</Paragraph>
        <Paragraph>{accessTexts.deniedWho}</Paragraph>
        <Paragraph>{accessTexts.deniedElse}</Paragraph>
        <Paragraph>
          <AppLink to="/uitkomsten" search={{ maat: 'gestopt_12m', per: 'interventie' }}>
            {accessTexts.outcomesLink}
          </AppLink>
          {' · '}
          <AppLink to="/account">{accessTexts.accountLink}</AppLink>
        </Paragraph>
      </Alert>
    );
  return (
    <ErrorMessage>
      {error instanceof ApiError && error.status < 500 ? error.message : texts.common.loadError(what)}
    </ErrorMessage>
  );
}

/** A cell without a value: a dash to see, a word to hear. */
export function NoValue({ spoken = 'geen' }: { spoken?: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="ks-visually-hidden">{spoken}</span>
    </>
  );
}

const DECISION_OPTIONS = FOLLOW_UP_DECISIONS.map((code) => ({
  value: code,
  label: FOLLOW_UP_DECISION_LABELS[code],
}));
const STATE_OPTIONS = (['lopend', 'gesloten'] as const).map((value) => ({ value, label: t.states[value] }));
const FIELDS = ['gemeente', 'regio', 'jaar', 'huishouden'] as const;

function RegisterFilters({ search }: { search: RegisterSearch }) {
  const navigate = useNavigate();
  const form = useFormErrors();
  const interventions = useInterventions();
  const [values, setValues] = useState<RegisterFormValues>({
    gemeente: search.gemeente ?? '',
    regio: search.regio ?? '',
    jaar: search.jaar === undefined ? '' : String(search.jaar),
    besluit: search.besluit ?? '',
    interventie: search.interventie ?? '',
    status: search.status ?? '',
    huishouden: search.huishouden ?? '',
  });
  const set = (change: Partial<RegisterFormValues>) => setValues((current) => ({ ...current, ...change }));
  const interventionOptions = (interventions.data ?? []).map((item) => ({
    value: item.code,
    label: item.name,
  }));
  // A code of the URL that the catalogue does not (yet) name stays choosable.
  if (values.interventie && !interventionOptions.some((option) => option.value === values.interventie))
    interventionOptions.push({ value: values.interventie, label: values.interventie });
  const hasFilters = Object.keys(search).some((key) => key !== 'pagina');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = registerFormProblems(values);
    if (problems.length > 0) return form.show(problems);
    form.clear();
    void navigate({ to: '/casussen', search: registerSearchFromForm(values) });
  };

  return (
    <form onSubmit={submit} noValidate className="ks-filters">
      <ErrorSummary state={form} headingLevel={3} />
      <div className="ks-filters__fields">
        <FilterText
          form={form}
          field="gemeente"
          label={t.gemeente}
          description={t.gemeenteDescription}
          value={values.gemeente}
          onChange={(gemeente) => set({ gemeente })}
        />
        <FilterText
          form={form}
          field="regio"
          label={t.regio}
          description={t.regioDescription}
          value={values.regio}
          onChange={(regio) => set({ regio })}
        />
        <FilterText
          form={form}
          field="jaar"
          label={t.jaar}
          value={values.jaar}
          onChange={(jaar) => set({ jaar })}
        />
        <SelectField
          id={form.idOf('besluit')}
          label={t.besluit}
          value={values.besluit}
          options={DECISION_OPTIONS}
          emptyOption={t.allDecisions}
          onChange={(besluit) => set({ besluit })}
        />
        <SelectField
          id={form.idOf('interventie')}
          label={t.interventie}
          value={values.interventie}
          options={interventionOptions}
          emptyOption={t.allInterventions}
          onChange={(interventie) => set({ interventie })}
        />
        <SelectField
          id={form.idOf('status')}
          label={t.status}
          value={values.status}
          options={STATE_OPTIONS}
          emptyOption={t.allStates}
          onChange={(status) => set({ status })}
        />
        <FilterText
          form={form}
          field="huishouden"
          label={t.huishouden}
          description={t.huishoudenDescription}
          value={values.huishouden}
          onChange={(huishouden) => set({ huishouden })}
        />
      </div>
      <div className="ks-actions">
        <SubmitButton busy={false}>{t.search}</SubmitButton>
        {hasFilters && (
          <AppLink to="/casussen" search={{ pagina: 1 }}>
            {t.clear}
          </AppLink>
        )}
      </div>
    </form>
  );
}

function FilterText({
  form,
  field,
  label,
  description,
  value,
  onChange,
}: {
  form: FormErrorState;
  field: (typeof FIELDS)[number];
  label: string;
  description?: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <TextField
      id={form.idOf(field)}
      label={label}
      description={description}
      value={value}
      spellCheck={false}
      error={errorOf(form.errors, field)}
      onChange={onChange}
    />
  );
}

function RegisterTable({
  items,
  total,
  search,
}: {
  items: readonly CaseListItem[];
  total: number;
  search: RegisterSearch;
}) {
  const interventions = useInterventions();
  const names = new Map((interventions.data ?? []).map((item) => [item.code, item.name]));
  const paging = auditPaging(total, search.pagina, CASES_PAGE_SIZE);
  return (
    <>
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table ks-case-table">
          <TableCaption className="ks-table__caption">
            {t.caption(paging.first, paging.last, total)}
          </TableCaption>
          <TableHeader>
            <TableRow>
              {Object.values(t.columns).map((label) => (
                <TableHeaderCell key={label} scope="col">
                  {label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <RegisterRow key={item.pseudonym} item={item} interventionName={names} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {paging.pageCount > 1 && (
        <nav aria-label={t.paginationLabel} className="ks-pagination">
          {paging.previous !== null && (
            <AppLink to="/casussen" search={withRegisterPage(search, paging.previous)} rel="prev">
              {t.previous}
            </AppLink>
          )}
          <span>{t.pageOf(paging.page, paging.pageCount)}</span>
          {paging.next !== null && (
            <AppLink to="/casussen" search={withRegisterPage(search, paging.next)} rel="next">
              {t.next}
            </AppLink>
          )}
        </nav>
      )}
    </>
  );
}

function RegisterRow({
  item,
  interventionName,
}: {
  item: CaseListItem;
  interventionName: ReadonlyMap<string, string>;
}) {
  const stopped = stoppedText(item.stopped12, item.handoverDate);
  const safety = safetyAssessmentLabel(item.safetyAssessment);
  const decision = decisionLabel(item.decision);
  return (
    <TableRow>
      <TableHeaderCell scope="row" className="ks-table__row-header ks-nowrap">
        <span className="ks-code">{item.pseudonym}</span>
      </TableHeaderCell>
      <TableCell className="ks-nowrap">
        <AppLink
          to="/casussen/huishouden/$pseudonym"
          params={{ pseudonym: item.household }}
          aria-label={t.householdLink(item.household)}
        >
          <span className="ks-code">{item.household}</span>
        </AppLink>
      </TableCell>
      <TableCell>{item.gemeenteName}</TableCell>
      <TableCell className="ks-nowrap">
        <time dateTime={item.meldingDate}>{formatDate(item.meldingDate)}</time>
      </TableCell>
      <TableCell>{safety ?? <NoValue />}</TableCell>
      <TableCell>{decision ?? <NoValue />}</TableCell>
      <TableCell>
        {item.handoverDate ? (
          <>
            <time dateTime={item.handoverDate} className="ks-nowrap">
              {formatDate(item.handoverDate)}
            </time>
            {item.receivingTeam && <>, {item.receivingTeam}</>}
          </>
        ) : (
          <NoValue />
        )}
      </TableCell>
      <TableCell>
        {item.primaryIntervention ? (
          (interventionName.get(item.primaryIntervention) ?? item.primaryIntervention)
        ) : (
          <NoValue />
        )}
      </TableCell>
      <TableCell className="ks-nowrap">
        {item.closureDate ? (
          <time dateTime={item.closureDate}>{formatDate(item.closureDate)}</time>
        ) : (
          t.ongoing
        )}
      </TableCell>
      <TableCell>{stopped.spoken ? <NoValue spoken={stopped.spoken} /> : stopped.shown}</TableCell>
    </TableRow>
  );
}
