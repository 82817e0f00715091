// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from '@tanstack/react-query';
import {
  DataList,
  Heading,
  OrderedList,
  OrderedListItem,
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
import { CASE_EVENT_LABELS } from '../../../../src/shared/cases.ts';
import {
  type HouseholdCase,
  type HouseholdTimelineData,
  type TimelineEvent,
  useHousehold,
  useInterventions,
} from '../../api/cases-queries.ts';
import { indicatorsQuery } from '../../api/figures-queries.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Fact } from '../../components/fact.tsx';
import { RequireSignedIn } from '../../components/session.tsx';
import { LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import {
  type CodeNames,
  caseMarkers,
  displayPseudonym,
  eventDetails,
  followUpStateText,
  momentText,
  windowText,
} from '../../lib/case-pages.ts';
import { formatDate } from '../../lib/format.ts';
import { texts } from '../../texts.ts';
import { CaseLoadError, CaseNotice, NoValue } from './register-page.tsx';

const t = {
  title: (pseudonym: string) => `Tijdlijn huishouden ${pseudonym}`,
  back: 'Terug naar het casusregister',
  audited: 'Uw inzage is vastgelegd in het auditlog.',
  privacy:
    'Het huishouden heet hier alleen bij zijn pseudoniem; namen en BSN staan niet in Ketenzicht. U ziet alleen de casussen waarbij uw organisatie betrokken is: een melding bij een andere organisatie kan ontbreken.',
  loadWhat: 'de tijdlijn van dit huishouden',
  casesHeading: 'Casussen van dit huishouden',
  casesCaption: (count: number) =>
    count === 1 ? '1 casus, met de datum van melding' : `${count} casussen, de eerste melding eerst`,
  caseColumn: 'Casus',
  gemeenteColumn: 'Gemeente',
  meldingColumn: 'Melding',
  closedColumn: 'Afgesloten',
  supplierColumn: 'Aangeleverd door',
  ongoing: 'lopend',
  followUpsHeading: 'Vervolgmetingen',
  followUpsIntro:
    'Na de overdracht wordt de veiligheid op vaste momenten gemeten. Een meting telt als ze binnen het venster rond het meetmoment valt.',
  followUpsCaption: (caseName: string) => `Vervolgmetingen van ${caseName}`,
  noFollowUps: (caseName: string) => `${caseName}: geen vervolgmetingen, want de casus is niet overgedragen.`,
  momentColumn: 'Meetmoment',
  dueColumn: 'Gepland op',
  windowColumn: 'Venster',
  stateColumn: 'Status',
  measuredColumn: 'Gemeten op',
  timelineHeading: 'Gebeurtenissen',
  timelineIntro: (several: boolean) =>
    several
      ? 'Alle gebeurtenissen van de casussen van dit huishouden, op datum. Bij elke gebeurtenis staat bij welke casus ze hoort.'
      : 'Alle gebeurtenissen van de casus, op datum.',
  caseName: (marker: string, pseudonym: string) => `${marker} (${pseudonym})`,
};

/** /casussen/huishouden/$pseudonym: one household's cases, their follow-ups and the merged timeline. */
export function HouseholdPage({ pseudonym }: { pseudonym: string }) {
  const shown = displayPseudonym(pseudonym);
  useDocumentTitle(t.title(shown));
  return <RequireSignedIn>{() => <Household pseudonym={pseudonym} shown={shown} />}</RequireSignedIn>;
}

function Household({ pseudonym, shown }: { pseudonym: string; shown: string }) {
  const query = useHousehold(pseudonym);
  return (
    <>
      <Paragraph>
        <AppLink to="/casussen" search={{ pagina: 1 }}>
          {t.back}
        </AppLink>
      </Paragraph>
      <Heading level={1}>{t.title(query.data?.household ?? shown)}</Heading>
      {query.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : query.isError ? (
        <CaseLoadError error={query.error} what={t.loadWhat} />
      ) : (
        <Timeline data={query.data} />
      )}
    </>
  );
}

/** Labels of melder, violence and intervention codes, from the public catalogues; codes while they load. */
function useCodeNames(): CodeNames {
  const catalogue = useQuery(indicatorsQuery());
  const interventions = useInterventions();
  const dimension = (code: string) =>
    new Map(
      (catalogue.data?.dimensions.find((item) => item.code === code)?.values ?? []).map((value) => [
        value.code,
        value.name,
      ]),
    );
  return {
    melder: dimension('melder'),
    violence: dimension('aard_geweld'),
    interventions: new Map((interventions.data ?? []).map((item) => [item.code, item.name])),
  };
}

function Timeline({ data }: { data: HouseholdTimelineData }) {
  const names = useCodeNames();
  const markers = caseMarkers(data.cases);
  const several = data.cases.length > 1;
  const caseName = (pseudonym: string) => t.caseName(markers.get(pseudonym) ?? 'Casus', pseudonym);
  return (
    <>
      <CaseNotice>
        <Paragraph>{t.audited}</Paragraph>
        <Paragraph>{t.privacy}</Paragraph>
      </CaseNotice>
      <section aria-labelledby="huishouden-casussen" className="ks-section">
        <Heading level={2} id="huishouden-casussen">
          {t.casesHeading}
        </Heading>
        <CasesTable cases={data.cases} caseName={caseName} />
      </section>
      <section aria-labelledby="huishouden-vervolgmetingen" className="ks-section">
        <Heading level={2} id="huishouden-vervolgmetingen">
          {t.followUpsHeading}
        </Heading>
        <Paragraph className="ks-prose">{t.followUpsIntro}</Paragraph>
        {data.cases.map((item) => (
          <FollowUpsTable key={item.pseudonym} item={item} name={caseName(item.pseudonym)} />
        ))}
      </section>
      <section aria-labelledby="huishouden-tijdlijn" className="ks-section">
        <Heading level={2} id="huishouden-tijdlijn">
          {t.timelineHeading}
        </Heading>
        <Paragraph className="ks-prose">{t.timelineIntro(several)}</Paragraph>
        <OrderedList className="ks-timeline">
          {keyedEvents(data.events).map(({ key, event }) => (
            <TimelineItem
              key={key}
              event={event}
              names={names}
              caseName={several ? caseName(event.case) : null}
            />
          ))}
        </OrderedList>
      </section>
    </>
  );
}

/** Events have no id: case, date, kind and place in the (server-ordered) list make one. */
function keyedEvents(events: readonly TimelineEvent[]) {
  return events.map((event, position) => ({
    key: `${event.case}|${event.date}|${event.kind}|${position}`,
    event,
  }));
}

function CasesTable({
  cases,
  caseName,
}: {
  cases: readonly HouseholdCase[];
  caseName(pseudonym: string): string;
}) {
  return (
    <TableContainer overflowInline className="ks-table-container">
      <Table className="ks-table">
        <TableCaption className="ks-table__caption">{t.casesCaption(cases.length)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.caseColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.gemeenteColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.meldingColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.closedColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.supplierColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {cases.map((item) => (
            <TableRow key={item.pseudonym}>
              <TableHeaderCell scope="row" className="ks-table__row-header">
                {caseName(item.pseudonym)}
              </TableHeaderCell>
              <TableCell>{item.gemeenteName}</TableCell>
              <TableCell className="ks-nowrap">
                <time dateTime={item.meldingDate}>{formatDate(item.meldingDate)}</time>
              </TableCell>
              <TableCell className="ks-nowrap">
                {item.closureDate ? (
                  <time dateTime={item.closureDate}>{formatDate(item.closureDate)}</time>
                ) : (
                  t.ongoing
                )}
              </TableCell>
              <TableCell>{item.supplier ?? <NoValue spoken="onbekend" />}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function FollowUpsTable({ item, name }: { item: HouseholdCase; name: string }) {
  if (item.followUps.length === 0) return <Paragraph>{t.noFollowUps(name)}</Paragraph>;
  return (
    <TableContainer overflowInline className="ks-table-container">
      <Table className="ks-table">
        <TableCaption className="ks-table__caption">{t.followUpsCaption(name)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.momentColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.dueColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.windowColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.stateColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.measuredColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {item.followUps.map((followUp) => (
            <TableRow key={followUp.months}>
              <TableHeaderCell scope="row" className="ks-table__row-header ks-nowrap">
                {momentText(followUp.months)}
              </TableHeaderCell>
              <TableCell className="ks-nowrap">
                <time dateTime={followUp.due}>{formatDate(followUp.due)}</time>
              </TableCell>
              <TableCell>{windowText(followUp.windowStart, followUp.windowEnd)}</TableCell>
              <TableCell>
                {followUp.state === 'te_laat' ? (
                  <strong>{followUpStateText(followUp.state, followUp.daysLate)}</strong>
                ) : (
                  followUpStateText(followUp.state, followUp.daysLate)
                )}
              </TableCell>
              <TableCell className="ks-nowrap">
                {followUp.measuredOn ? (
                  <time dateTime={followUp.measuredOn}>{formatDate(followUp.measuredOn)}</time>
                ) : (
                  <NoValue spoken="nog niet gemeten" />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function TimelineItem({
  event,
  names,
  caseName,
}: {
  event: TimelineEvent;
  names: CodeNames;
  caseName: string | null;
}) {
  const details = eventDetails(event, names);
  return (
    <OrderedListItem className="ks-timeline__event">
      <Heading level={3} appearance="utrecht-heading-5">
        <time dateTime={event.date}>{formatDate(event.date)}</time>: {CASE_EVENT_LABELS[event.kind]}
        {caseName && <span className="ks-timeline__case"> · {caseName}</span>}
      </Heading>
      {details.length > 0 && (
        <DataList className="ks-facts ks-facts--narrow">
          {details.map((detail) => (
            <Fact key={detail.term} label={detail.term}>
              {detail.value}
            </Fact>
          ))}
        </DataList>
      )}
    </OrderedListItem>
  );
}
