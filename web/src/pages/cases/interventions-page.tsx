// SPDX-License-Identifier: EUPL-1.2
/**
 * /interventies: the intervention catalogue (name, target group, types of violence, recognition level,
 * provider, link) with, beside each intervention, its measured outcome from the case register: the share of
 * handed-over families where the violence stopped at 12 months, with its interval and number of known cases.
 */
import { useQuery } from '@tanstack/react-query';
import {
  DataList,
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
import { useMemo } from 'react';
import { RECOGNITION_LEVEL_LABELS } from '../../../../src/shared/cases.ts';
import {
  type InterventionData,
  type OutcomeRowData,
  useInterventions,
  useOutcomes,
} from '../../api/cases-queries.ts';
import { indicatorsQuery } from '../../api/figures-queries.ts';
import { AppLink } from '../../components/app-link.tsx';
import { Fact } from '../../components/fact.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDate } from '../../lib/format.ts';
import { countText, intervalText, MEASURES, shareText } from '../../lib/outcomes.ts';
import { texts } from '../../texts.ts';

const OUTCOME_SEARCH = { maat: 'gestopt_12m', per: 'interventie' } as const;
const OUTCOME_LABEL = MEASURES.gestopt_12m.label;

export function InterventionsPage() {
  useDocumentTitle('Interventies');
  const catalogue = useInterventions();
  const outcomes = useOutcomes(OUTCOME_SEARCH);
  const violenceLabels = useViolenceLabels();
  const outcomeByCode = useMemo(
    () => new Map((outcomes.data?.rows ?? []).map((row) => [row.key, row])),
    [outcomes.data],
  );

  return (
    <>
      <Heading level={1}>Interventies</Heading>
      <div className="ks-intro ks-prose">
        <Paragraph>
          De interventies waaruit een lokaal team of Veilig Thuis kiest na een overdracht, met hun
          erkenningsniveau en, ernaast, wat het casusregister over de uitkomst laat zien: in hoeveel van de
          overgedragen gezinnen met deze interventie als primaire interventie het geweld na 12 maanden gestopt
          was.
        </Paragraph>
        <Paragraph>
          De erkenningsniveaus houdt de beheerder van Ketenzicht bij. Controleer ze in de{' '}
          <Link href="https://www.nji.nl/interventies">
            Databank Effectieve Jeugdinterventies van het NJi
          </Link>{' '}
          of bij <Link href="https://www.movisie.nl/databank-interventies">Movisie</Link> voordat u erop
          beslist.
        </Paragraph>
      </div>
      {catalogue.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : catalogue.isError ? (
        <ErrorMessage>{catalogue.error.message || texts.common.loadError('de interventies')}</ErrorMessage>
      ) : catalogue.data.length === 0 ? (
        <Paragraph>De catalogus bevat nog geen interventies.</Paragraph>
      ) : (
        <>
          <OutcomeNote
            pending={outcomes.isPending}
            failed={outcomes.isError}
            computedOn={outcomes.data?.computedOn}
          />
          <OverviewTable
            interventions={catalogue.data}
            outcomeByCode={outcomeByCode}
            outcomesReady={Boolean(outcomes.data)}
          />
          {catalogue.data.map((intervention) => (
            <InterventionSection
              key={intervention.code}
              intervention={intervention}
              outcome={outcomeByCode.get(intervention.code)}
              outcomesReady={Boolean(outcomes.data)}
              violenceLabels={violenceLabels}
            />
          ))}
        </>
      )}
    </>
  );
}

/** Names of the types of violence from the "aard_geweld" dimension; the codes when the catalogue is not there. */
function useViolenceLabels(): ReadonlyMap<string, string> {
  const indicators = useQuery(indicatorsQuery());
  return useMemo(() => {
    const dimension = indicators.data?.dimensions.find((entry) => entry.code === 'aard_geweld');
    return new Map((dimension?.values ?? []).map((value) => [value.code, value.name]));
  }, [indicators.data]);
}

function OutcomeNote({
  pending,
  failed,
  computedOn,
}: {
  pending: boolean;
  failed: boolean;
  computedOn: string | undefined;
}) {
  return (
    <Paragraph className="ks-prose" role="status">
      {pending
        ? 'De uitkomsten uit het casusregister worden geladen…'
        : failed
          ? 'De uitkomsten uit het casusregister konden niet worden geladen; de catalogus staat hieronder wel.'
          : `${OUTCOME_LABEL}: alle cohortjaren samen, heel Nederland, berekend op ${formatDate(computedOn ?? '')}. Dit toont samenhang, geen effect: vergelijk interventies binnen dezelfde veiligheidsbeoordeling.`}{' '}
      {!pending && !failed && (
        <AppLink to="/uitkomsten" search={{ maat: 'gestopt_12m', per: 'interventie' }}>
          Bekijk de uitkomsten per interventie, jaar en regio
        </AppLink>
      )}
    </Paragraph>
  );
}

function outcomeText(outcome: OutcomeRowData | undefined, ready: boolean): string {
  if (!ready) return 'niet beschikbaar';
  if (!outcome) return 'nog geen casussen in het register';
  const tally = outcome.tally;
  if (tally.share === null) return tally.known === null ? 'afgeschermd' : 'nog geen bekende uitkomst';
  return `${shareText(tally)} (95%-interval ${intervalText(tally)}; ${countText(tally.known)} bekend, ${countText(tally.unknown)} onbekend)`;
}

function OverviewTable({
  interventions,
  outcomeByCode,
  outcomesReady,
}: {
  interventions: readonly InterventionData[];
  outcomeByCode: ReadonlyMap<string, OutcomeRowData>;
  outcomesReady: boolean;
}) {
  const cell = (outcome: OutcomeRowData | undefined, field: 'share' | 'interval' | 'known') => {
    if (!outcomesReady) return 'niet beschikbaar';
    if (!outcome) return field === 'known' ? '0' : 'geen casussen';
    if (field === 'share') return shareText(outcome.tally);
    if (field === 'interval') return intervalText(outcome.tally);
    return countText(outcome.tally.known);
  };
  return (
    <section aria-labelledby="interventies-overzicht" className="ks-section">
      <Heading level={2} id="interventies-overzicht">
        Overzicht
      </Heading>
      <TableContainer
        overflowInline
        className="ks-table-container ks-scroll-region"
        tabIndex={0}
        role="region"
        aria-labelledby="interventies-tabel"
      >
        <Table className="ks-table">
          <TableCaption id="interventies-tabel" className="ks-table__caption">
            Interventies met hun erkenning en de gemeten uitkomst "{OUTCOME_LABEL.toLowerCase()}"
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Interventie</TableHeaderCell>
              <TableHeaderCell scope="col">Erkenning</TableHeaderCell>
              <TableHeaderCell scope="col">Geweld gestopt</TableHeaderCell>
              <TableHeaderCell scope="col">95%-interval</TableHeaderCell>
              <TableHeaderCell scope="col">Bekend</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {interventions.map((intervention) => {
              const outcome = outcomeByCode.get(intervention.code);
              return (
                <TableRow key={intervention.code}>
                  <TableHeaderCell scope="row" className="ks-table__row-header">
                    <Link href={`#interventie-${intervention.code}`}>{intervention.name}</Link>
                  </TableHeaderCell>
                  <TableCell>{RECOGNITION_LEVEL_LABELS[intervention.recognitionLevel]}</TableCell>
                  <TableCell numericColumn>{cell(outcome, 'share')}</TableCell>
                  <TableCell numericColumn className="ks-nowrap">
                    {cell(outcome, 'interval')}
                  </TableCell>
                  <TableCell numericColumn>{cell(outcome, 'known')}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}

function InterventionSection({
  intervention,
  outcome,
  outcomesReady,
  violenceLabels,
}: {
  intervention: InterventionData;
  outcome: OutcomeRowData | undefined;
  outcomesReady: boolean;
  violenceLabels: ReadonlyMap<string, string>;
}) {
  const headingId = `interventie-${intervention.code}`;
  return (
    <section aria-labelledby={headingId} className="ks-section">
      <Heading level={2} id={headingId} tabIndex={-1}>
        {intervention.name}
      </Heading>
      {intervention.description && <Paragraph className="ks-prose">{intervention.description}</Paragraph>}
      <DataList className="ks-facts">
        <Fact label="Doelgroep">{intervention.targetGroup}</Fact>
        <Fact label="Soorten geweld">
          {intervention.violenceTypes.map((code) => violenceLabels.get(code) ?? code).join(', ') ||
            'Niet vermeld'}
        </Fact>
        <Fact label="Erkenning">{RECOGNITION_LEVEL_LABELS[intervention.recognitionLevel]}</Fact>
        <Fact label="Aanbieder">{intervention.provider}</Fact>
        <Fact label="Meer informatie">
          {intervention.url ? (
            <Link href={intervention.url}>
              Website<span className="ks-visually-hidden"> over {intervention.name}</span>
            </Link>
          ) : (
            'Geen link bekend'
          )}
        </Fact>
        <Fact label={`Gemeten uitkomst: ${OUTCOME_LABEL.toLowerCase()}`}>
          {outcomeText(outcome, outcomesReady)}
        </Fact>
      </DataList>
    </section>
  );
}
