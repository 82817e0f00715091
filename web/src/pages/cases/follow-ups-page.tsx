// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
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
import { type FollowUpItem, followUpsQuery } from '../../api/cases-queries.ts';
import type { SessionUser } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField, useFormErrors } from '../../components/form.tsx';
import { RequireSignedIn } from '../../components/session.tsx';
import { LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import {
  caseTeamOptions,
  type FollowUpsFormValues,
  followUpCountsText,
  followUpStateText,
  followUpsFormProblems,
  followUpsSearchFromForm,
  momentText,
  sortFollowUps,
  windowText,
} from '../../lib/case-pages.ts';
import type { FollowUpsSearch } from '../../lib/cases-search.ts';
import { errorOf } from '../../lib/form-errors.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { texts } from '../../texts.ts';
import { CaseLoadError, CaseNotice, isForbidden, NoValue } from './register-page.tsx';

const t = {
  title: 'Vervolgmetingen',
  intro:
    'De vervolgmetingen die nu uitgevoerd moeten worden (het venster rond het meetmoment is open) en die te laat zijn (het venster is voorbij zonder meting), voor de casussen van uw teams. De meest te late staan bovenaan.',
  audited: 'Elke keer dat u deze lijst bekijkt, wordt dat vastgelegd in het auditlog.',
  registerLink: 'Naar het casusregister',
  schedulesLink: 'Meetmomenten en vensters per regio',
  filtersHeading: 'Filteren',
  team: 'Team',
  allTeams: 'Al uw teams',
  teamDescription: 'Het team dat de casus bij de overdracht ontving.',
  gemeente: 'Gemeente',
  gemeenteDescription: 'CBS-code, bijvoorbeeld GM0363.',
  regio: 'Veilig Thuis-regio',
  regioDescription: 'Regiocode, bijvoorbeeld VT13.',
  status: 'Status',
  allStates: 'Nu uit te voeren en te laat',
  states: { te_laat: 'Te laat', open: 'Nu uit te voeren' },
  search: 'Filteren',
  clear: 'Alle filters wissen',
  updating: 'De lijst wordt bijgewerkt…',
  loadWhat: 'de vervolgmetingen',
  none: 'Er zijn geen vervolgmetingen die nu of te laat zijn bij deze filters.',
  caption: (count: number) =>
    count === 1
      ? '1 vervolgmeting die nu of te laat is'
      : `${formatNumber(count)} vervolgmetingen die nu of te laat zijn, de meest te late eerst`,
  columns: {
    household: 'Huishouden',
    gemeente: 'Gemeente',
    team: 'Team',
    handover: 'Overdracht',
    moment: 'Meetmoment',
    window: 'Venster',
    state: 'Status',
    late: 'Dagen te laat',
  },
  householdLink: (pseudonym: string) => `Tijdlijn van huishouden ${pseudonym}`,
};

/** /vervolgmetingen: the working list of follow-ups due now and overdue; the filters are in the URL. */
export function FollowUpsPage({ search }: { search: FollowUpsSearch }) {
  useDocumentTitle(t.title);
  return <RequireSignedIn>{(user) => <FollowUps search={search} user={user} />}</RequireSignedIn>;
}

function FollowUps({ search, user }: { search: FollowUpsSearch; user: SessionUser }) {
  const query = useQuery({ ...followUpsQuery(search), placeholderData: keepPreviousData });
  if (query.isError && isForbidden(query.error))
    return (
      <>
        <Heading level={1}>{t.title}</Heading>
        <Paragraph className="ks-prose">{t.intro}</Paragraph>
        <CaseLoadError error={query.error} what={t.loadWhat} />
        <Paragraph>
          <AppLink to="/vervolgmetingen/schema">{t.schedulesLink}</AppLink>
        </Paragraph>
      </>
    );
  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph className="ks-prose">{t.intro}</Paragraph>
      <CaseNotice>
        <Paragraph>{t.audited}</Paragraph>
      </CaseNotice>
      <Paragraph>
        <AppLink to="/casussen" search={{ pagina: 1 }}>
          {t.registerLink}
        </AppLink>
        {' · '}
        <AppLink to="/vervolgmetingen/schema">{t.schedulesLink}</AppLink>
      </Paragraph>
      <section aria-labelledby="vervolgmetingen-filteren" className="ks-section">
        <Heading level={2} id="vervolgmetingen-filteren">
          {t.filtersHeading}
        </Heading>
        <FollowUpFilters key={JSON.stringify(search)} search={search} user={user} />
      </section>
      <div className="ks-section">
        <Paragraph role="status" className="ks-result-count">
          {query.isFetching
            ? t.updating
            : query.data
              ? followUpCountsText(query.data.late, query.data.open)
              : ''}
        </Paragraph>
        {query.isPending ? (
          <LoadingMessage>{texts.common.loading}</LoadingMessage>
        ) : query.isError ? (
          <CaseLoadError error={query.error} what={t.loadWhat} />
        ) : query.data.items.length === 0 ? (
          <Paragraph>{t.none}</Paragraph>
        ) : (
          <FollowUpTable items={query.data.items} />
        )}
      </div>
    </>
  );
}

const STATE_OPTIONS = (['te_laat', 'open'] as const).map((value) => ({ value, label: t.states[value] }));

function FollowUpFilters({ search, user }: { search: FollowUpsSearch; user: SessionUser }) {
  const navigate = useNavigate();
  const form = useFormErrors();
  const [values, setValues] = useState<FollowUpsFormValues>({
    team: search.team === undefined ? '' : String(search.team),
    gemeente: search.gemeente ?? '',
    regio: search.regio ?? '',
    status: search.status ?? '',
  });
  const set = (change: Partial<FollowUpsFormValues>) => setValues((current) => ({ ...current, ...change }));
  const teams = caseTeamOptions(user);
  // A team of the URL that is not one of the user's own stays choosable (the server decides what it shows).
  if (values.team && !teams.some((team) => team.value === values.team))
    teams.push({ value: values.team, label: `Organisatie ${values.team}` });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = followUpsFormProblems(values);
    if (problems.length > 0) return form.show(problems);
    form.clear();
    void navigate({ to: '/vervolgmetingen', search: followUpsSearchFromForm(values) });
  };

  return (
    <form onSubmit={submit} noValidate className="ks-filters">
      <ErrorSummary state={form} headingLevel={3} />
      <div className="ks-filters__fields">
        <SelectField
          id={form.idOf('team')}
          label={t.team}
          description={t.teamDescription}
          value={values.team}
          options={teams}
          emptyOption={t.allTeams}
          onChange={(team) => set({ team })}
        />
        <TextField
          id={form.idOf('gemeente')}
          label={t.gemeente}
          description={t.gemeenteDescription}
          value={values.gemeente}
          spellCheck={false}
          error={errorOf(form.errors, 'gemeente')}
          onChange={(gemeente) => set({ gemeente })}
        />
        <TextField
          id={form.idOf('regio')}
          label={t.regio}
          description={t.regioDescription}
          value={values.regio}
          spellCheck={false}
          error={errorOf(form.errors, 'regio')}
          onChange={(regio) => set({ regio })}
        />
        <SelectField
          id={form.idOf('status')}
          label={t.status}
          value={values.status}
          options={STATE_OPTIONS}
          emptyOption={t.allStates}
          onChange={(status) => set({ status })}
        />
      </div>
      <div className="ks-actions">
        <SubmitButton busy={false}>{t.search}</SubmitButton>
        {Object.keys(search).length > 0 && (
          <AppLink to="/vervolgmetingen" search={{}}>
            {t.clear}
          </AppLink>
        )}
      </div>
    </form>
  );
}

function FollowUpTable({ items }: { items: readonly FollowUpItem[] }) {
  const sorted = sortFollowUps(items);
  return (
    <TableContainer overflowInline className="ks-table-container">
      <Table className="ks-table ks-follow-up-table">
        <TableCaption className="ks-table__caption">{t.caption(sorted.length)}</TableCaption>
        <TableHeader>
          <TableRow>
            {Object.entries(t.columns).map(([key, label]) => (
              <TableHeaderCell key={key} scope="col" numericColumn={key === 'late'}>
                {label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((item) => (
            <TableRow key={`${item.case}:${item.months}`}>
              <TableHeaderCell scope="row" className="ks-table__row-header ks-nowrap">
                <AppLink
                  to="/casussen/huishouden/$pseudonym"
                  params={{ pseudonym: item.household }}
                  aria-label={t.householdLink(item.household)}
                >
                  <span className="ks-code">{item.household}</span>
                </AppLink>
              </TableHeaderCell>
              <TableCell>{item.gemeenteName}</TableCell>
              <TableCell>{item.team ?? <NoValue spoken="onbekend" />}</TableCell>
              <TableCell className="ks-nowrap">
                <time dateTime={item.handoverDate}>{formatDate(item.handoverDate)}</time>
              </TableCell>
              <TableCell className="ks-nowrap">{momentText(item.months)}</TableCell>
              <TableCell>{windowText(item.windowStart, item.windowEnd)}</TableCell>
              <TableCell>
                {item.state === 'te_laat' ? (
                  <strong>{followUpStateText(item.state, 0)}</strong>
                ) : (
                  followUpStateText(item.state, 0)
                )}
              </TableCell>
              <TableCell numericColumn>{formatNumber(item.daysLate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
