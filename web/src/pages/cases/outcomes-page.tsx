// SPDX-License-Identifier: EUPL-1.2
/**
 * /uitkomsten: the outcome indicators of the case register for a measure, grouping (intervention, region,
 * gemeente), cohort year and region: share with its 95% interval, the unknowns and too-young cases beside it,
 * and the share within each safety assessment (case mix). The table is the accessible primary; a dot chart
 * with interval whiskers shows the same figures. Below it, for the same grouping, year and region, the lead times
 * and handovers of the handed-over cases. The choices live in the URL.
 */
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
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import { SAFETY_ASSESSMENT_LABELS } from '../../../../src/shared/cases.ts';
import {
  type OutcomeResponse,
  type OutcomeRowData,
  outcomesQuery,
  type ProcessResponse,
  processQuery,
  useInterventions,
} from '../../api/cases-queries.ts';
import { areasQuery } from '../../api/queries.ts';
import { EChart } from '../../charts/echart.tsx';
import { AppLink } from '../../components/app-link.tsx';
import { SelectField } from '../../components/form.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import type { OutcomeGroupingCode, OutcomeMeasureCode, OutcomesSearch } from '../../lib/cases-search.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import {
  type ChartItem,
  caseMixText,
  cohortYears,
  countText,
  GROUPING_CODES,
  GROUPINGS,
  groupName,
  hasProtectedCounts,
  intervalText,
  MEASURE_CODES,
  MEASURES,
  outcomeChartOption,
  PROCESS_COLUMNS,
  processCells,
  selectionText,
  shareText,
  withOutcomeChoice,
} from '../../lib/outcomes.ts';
import { texts } from '../../texts.ts';
import { RadioSwitch } from '../overview-parts.tsx';

/** A chart of more groups than this would be a wall of dots: the table alone then. */
const MAX_CHART_ITEMS = 40;
const MIX_KEYS = ['acuut', 'structureel', 'geen'] as const;

export function OutcomesPage({ search }: { search: OutcomesSearch }) {
  useDocumentTitle('Uitkomsten van de aanpak');
  const navigate = useNavigate();
  const choose = (change: Parameters<typeof withOutcomeChoice>[1]) =>
    void navigate({ to: '/uitkomsten', search: withOutcomeChoice(search, change), resetScroll: false });

  const outcomes = useQuery({ ...outcomesQuery(search), placeholderData: keepPreviousData });
  const regions = useQuery(areasQuery({ level: 'veiligthuisregio' }));
  const regionNames = useMemo(
    () => new Map((regions.data?.items ?? []).map((area) => [area.code, area.name])),
    [regions.data],
  );

  return (
    <>
      <Heading level={1}>Uitkomsten van de aanpak</Heading>
      {outcomes.data?.synthetic && (
        <Alert type="warning" className="ks-notice">
          <Heading level={2} className="ks-notice__heading">
            Let op: synthetische demogegevens
          </Heading>
          <Paragraph>
            Er staan synthetische casussen in het register (ketenzicht demo). De uitkomsten hieronder zijn
            daarmee verzonnen en zeggen niets over echte gezinnen, interventies of regio’s.
          </Paragraph>
        </Alert>
      )}
      <Paragraph className="ks-prose">
        Hoe vaak stopt het geweld na een overdracht door Veilig Thuis, per interventie, regio of gemeente? De
        cijfers komen uit het gepseudonimiseerde casusregister: per cohort (het jaar van de overdracht) het
        aandeel casussen met de gekozen uitkomst, met een 95%-betrouwbaarheidsinterval en het aantal casussen
        waarvan de uitkomst onbekend is.
      </Paragraph>
      <section aria-labelledby="uitkomsten-keuze" className="ks-section">
        <Heading level={2} id="uitkomsten-keuze">
          Wat wilt u zien?
        </Heading>
        <OutcomeChoices
          search={search}
          regions={(regions.data?.items ?? []).map((area) => ({ value: area.code, label: area.name }))}
          onChoose={choose}
        />
      </section>
      <Paragraph role="status" className="ks-result-count">
        {outcomes.isFetching && outcomes.data ? 'De tabel wordt bijgewerkt…' : ''}
      </Paragraph>
      {outcomes.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : outcomes.isError ? (
        <ErrorMessage>{outcomes.error.message || texts.common.loadError('de uitkomsten')}</ErrorMessage>
      ) : (
        <OutcomeResult
          response={outcomes.data}
          search={search}
          regionName={search.regio ? regionNames.get(search.regio) : undefined}
          regionNames={regionNames}
        />
      )}
      <ProcessSection
        search={search}
        regionName={search.regio ? regionNames.get(search.regio) : undefined}
        regionNames={regionNames}
      />
      <Explanation response={outcomes.data} />
    </>
  );
}

function OutcomeChoices({
  search,
  regions,
  onChoose,
}: {
  search: OutcomesSearch;
  regions: ReadonlyArray<{ value: string; label: string }>;
  onChoose(change: Parameters<typeof withOutcomeChoice>[1]): void;
}) {
  const id = useId();
  const years = cohortYears(new Date().getFullYear(), search.jaar);
  const offeredRegions =
    search.regio && !regions.some((region) => region.value === search.regio)
      ? [...regions, { value: search.regio, label: search.regio }]
      : regions;
  return (
    <form className="ks-filters" onSubmit={(event) => event.preventDefault()}>
      <div className="ks-filters__fields">
        <SelectField
          id={`${id}-maat`}
          label="Uitkomstmaat"
          value={search.maat}
          options={MEASURE_CODES.map((code) => ({ value: code, label: MEASURES[code].label }))}
          onChange={(value) => {
            const maat = MEASURE_CODES.find((code) => code === value);
            if (maat) onChoose({ maat });
          }}
        />
        <SelectField
          id={`${id}-jaar`}
          label="Cohortjaar"
          description="Voor de uitkomsten na 3 en 12 maanden, één regisseur en de doorlooptijden: het jaar van de overdracht. Voor de veiligheidsbeoordeling: het jaar van de melding. Voor een nieuwe melding: het jaar van de overdracht of, zonder overdracht, van de afsluiting."
          value={search.jaar === undefined ? '' : String(search.jaar)}
          emptyOption="Alle jaren"
          options={years.map((year) => ({ value: String(year), label: String(year) }))}
          onChange={(value) => onChoose({ jaar: value === '' ? null : Number(value) })}
        />
        <SelectField
          id={`${id}-regio`}
          label="Veilig Thuis-regio"
          value={search.regio ?? ''}
          emptyOption="Heel Nederland"
          options={offeredRegions}
          onChange={(value) => onChoose({ regio: value === '' ? null : value })}
        />
      </div>
      <RadioSwitch<OutcomeGroupingCode>
        legend="Groepeer de casussen"
        value={search.per}
        options={GROUPING_CODES.map((code) => ({ value: code, label: GROUPINGS[code].label }))}
        onChange={(per) => onChoose({ per })}
      />
    </form>
  );
}

function useGroupNames(by: OutcomeGroupingCode, regionNames: ReadonlyMap<string, string>) {
  const interventions = useInterventions();
  const gemeenten = useQuery({ ...areasQuery({ level: 'gemeente' }), enabled: by === 'gemeente' });
  return useMemo(() => {
    if (by === 'regio') return regionNames;
    if (by === 'gemeente')
      return new Map((gemeenten.data?.items ?? []).map((area) => [area.code, area.name]));
    return new Map((interventions.data ?? []).map((entry) => [entry.code, entry.name]));
  }, [by, regionNames, gemeenten.data, interventions.data]);
}

function isEmpty(response: OutcomeResponse): boolean {
  const total = response.total.tally;
  return response.rows.length === 0 && !total.known && !total.unknown && !total.censored;
}

function OutcomeResult({
  response,
  search,
  regionName,
  regionNames,
}: {
  response: OutcomeResponse;
  search: OutcomesSearch;
  regionName: string | undefined;
  regionNames: ReadonlyMap<string, string>;
}) {
  const tableId = useId();
  const names = useGroupNames(response.by, regionNames);
  const measure = MEASURES[response.measure];
  const heading = `${measure.label}, ${selectionText(search, regionName)}`;

  if (isEmpty(response)) return <EmptyState filtered={search.jaar !== undefined || Boolean(search.regio)} />;

  const rows = [...response.rows].sort((a, b) =>
    groupName(a.key, response.by, names).localeCompare(groupName(b.key, response.by, names), 'nl'),
  );
  const showUnknownMix = [...rows, response.total].some((row) => row.caseMix.onbekend.known !== 0);
  const chartItems: ChartItem[] = rows.flatMap((row) =>
    row.tally.share !== null && row.tally.interval
      ? [
          {
            name: groupName(row.key, response.by, names),
            share: row.tally.share,
            low: row.tally.interval.low,
            high: row.tally.interval.high,
          },
        ]
      : [],
  );

  return (
    <section aria-labelledby={`${tableId}-heading`} className="ks-section">
      <Heading level={2} id={`${tableId}-heading`}>
        {heading}
      </Heading>
      <div className="ks-intro ks-prose">
        {measure.lowerIsBetter && (
          <Paragraph>
            <strong>Lager is beter:</strong> deze maat telt de casussen waarin het misging (een nieuwe
            melding).
          </Paragraph>
        )}
        <Paragraph>
          Per groep het aandeel met het 95%-interval. Casussen met een onbekende uitkomst en casussen die te
          jong zijn om te meten staan ernaast en tellen niet mee in het aandeel. De laatste kolommen geven het
          aandeel binnen elke uitkomst van de veiligheidsbeoordeling (case-mix), met het aantal bekende
          casussen (n).
        </Paragraph>
      </div>
      {chartItems.length > 0 && chartItems.length <= MAX_CHART_ITEMS && (
        <EChart
          option={outcomeChartOption(chartItems, measure.label)}
          label={`Grafiek: ${heading}, als stip met de lijn van het 95%-interval. Dezelfde cijfers staan in de tabel hieronder.`}
          describedBy={tableId}
          height={80 + chartItems.length * 32}
        />
      )}
      {/* Wider than a small screen: the scrolling container takes focus, so it scrolls with the keyboard. */}
      <TableContainer
        overflowInline
        className="ks-table-container ks-scroll-region"
        tabIndex={0}
        role="region"
        aria-labelledby={`${tableId}-caption`}
      >
        <Table className="ks-table" id={tableId}>
          <TableCaption id={`${tableId}-caption`} className="ks-table__caption">
            Tabel: {heading}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{GROUPINGS[response.by].column}</TableHeaderCell>
              <TableHeaderCell scope="col">Aandeel</TableHeaderCell>
              <TableHeaderCell scope="col">95%-interval</TableHeaderCell>
              <TableHeaderCell scope="col">Bekend</TableHeaderCell>
              <TableHeaderCell scope="col">Onbekend</TableHeaderCell>
              <TableHeaderCell scope="col">Te jong (nog niet te meten)</TableHeaderCell>
              {MIX_KEYS.map((key) => (
                <TableHeaderCell scope="col" key={key}>
                  Bij {SAFETY_ASSESSMENT_LABELS[key].toLowerCase()}
                </TableHeaderCell>
              ))}
              {showUnknownMix && <TableHeaderCell scope="col">Beoordeling onbekend</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <OutcomeTableRow
                key={row.key}
                row={row}
                name={groupName(row.key, response.by, names)}
                showUnknownMix={showUnknownMix}
              />
            ))}
          </TableBody>
          <TableFooter>
            <OutcomeTableRow row={response.total} name="Totaal" showUnknownMix={showUnknownMix} total />
          </TableFooter>
        </Table>
      </TableContainer>
      {hasProtectedCounts([...rows, response.total]) && (
        <Paragraph className="ks-prose">
          "Afgeschermd": te weinig casussen om te tonen zonder dat iemand herkenbaar wordt (van 1 tot{' '}
          {formatNumber(response.protection.threshold)}); ook een telling waaruit die kan worden afgeleid is
          afgeschermd.
        </Paragraph>
      )}
    </section>
  );
}

function OutcomeTableRow({
  row,
  name,
  showUnknownMix,
  total = false,
}: {
  row: OutcomeRowData;
  name: string;
  showUnknownMix: boolean;
  total?: boolean;
}) {
  const tally = row.tally;
  return (
    <TableRow>
      <TableHeaderCell scope="row" className={total ? undefined : 'ks-table__row-header'}>
        {name}
      </TableHeaderCell>
      <TableCell numericColumn>{shareText(tally)}</TableCell>
      <TableCell numericColumn className="ks-nowrap">
        {intervalText(tally)}
      </TableCell>
      <TableCell numericColumn>{countText(tally.known)}</TableCell>
      <TableCell numericColumn>{countText(tally.unknown)}</TableCell>
      <TableCell numericColumn>{countText(tally.censored)}</TableCell>
      {MIX_KEYS.map((key) => (
        <TableCell numericColumn key={key} className="ks-nowrap">
          {caseMixText(row.caseMix[key])}
        </TableCell>
      ))}
      {showUnknownMix && (
        <TableCell numericColumn className="ks-nowrap">
          {caseMixText(row.caseMix.onbekend)}
        </TableCell>
      )}
    </TableRow>
  );
}

/** Lead times and handovers for the same grouping, year and region; the measure does not apply to them. */
function ProcessSection({
  search,
  regionName,
  regionNames,
}: {
  search: OutcomesSearch;
  regionName: string | undefined;
  regionNames: ReadonlyMap<string, string>;
}) {
  const process = useQuery({
    ...processQuery({ per: search.per, jaar: search.jaar, regio: search.regio }),
    placeholderData: keepPreviousData,
  });
  const response = process.data;
  return (
    <section aria-labelledby="doorlooptijden" className="ks-section">
      <Heading level={2} id="doorlooptijden">
        Doorlooptijden en overdrachten
      </Heading>
      <Paragraph className="ks-prose">
        Hoe lang duurt het van melding tot overdracht en van overdracht tot plan, en hoe vaak wordt een
        huishouden overgedragen? Voor de overgedragen casussen in dezelfde keuze als hierboven (groepering,
        jaar van overdracht en regio); de uitkomstmaat speelt hier geen rol.
      </Paragraph>
      <Paragraph role="status" className="ks-result-count">
        {process.isFetching && response ? 'De tabel met doorlooptijden wordt bijgewerkt…' : ''}
      </Paragraph>
      {process.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : process.isError ? (
        <ErrorMessage>{process.error.message || texts.common.loadError('de doorlooptijden')}</ErrorMessage>
      ) : process.data.rows.length === 0 && process.data.total.handedOver === 0 ? (
        <Paragraph className="ks-prose">
          In deze keuze staan geen overgedragen casussen in het register, dus er zijn geen doorlooptijden te
          tonen.
        </Paragraph>
      ) : (
        <ProcessTable
          response={process.data}
          caption={`Doorlooptijden en overdrachten, ${selectionText(search, regionName)}`}
          regionNames={regionNames}
        />
      )}
      <div className="ks-intro ks-prose">
        <UnorderedList>
          <UnorderedListItem>
            <strong>Overdrachten</strong>: het aantal casussen dat Veilig Thuis overdroeg aan het lokale veld,
            geteld in het jaar van de (eerste) overdracht.
          </UnorderedListItem>
          <UnorderedListItem>
            <strong>Dagen van melding tot overdracht</strong>: de mediaan van het aantal kalenderdagen tussen
            de melding en de overdracht. De helft van de casussen ging sneller, de helft langzamer.
          </UnorderedListItem>
          <UnorderedListItem>
            <strong>Met plan</strong>: het aantal overgedragen casussen waarvoor een plan is gemaakt.{' '}
            <strong>Dagen van overdracht tot plan</strong>: de mediaan van het aantal kalenderdagen tussen de
            overdracht en het plan, over die casussen.
          </UnorderedListItem>
          <UnorderedListItem>
            <strong>Huishoudens</strong>: het aantal verschillende huishoudens van deze casussen. Een
            huishouden kan casussen in meer dan één groep hebben, dus de groepen tellen niet altijd op tot het
            totaal.
          </UnorderedListItem>
          <UnorderedListItem>
            <strong>Overdrachten per huishouden</strong>: het gemiddelde aantal overdrachten per huishouden,
            ook als één casus meer dan eens werd overgedragen.
          </UnorderedListItem>
          <UnorderedListItem>
            <strong>Huishoudens vaker dan één keer overgedragen</strong>: huishoudens met meer dan één
            overdracht in deze casussen, het signaal dat een gezin "heen en weer geschoven" wordt. Lager is
            beter.
          </UnorderedListItem>
        </UnorderedList>
        <Paragraph>
          "Afgeschermd": een aantal van 1 tot{' '}
          {response ? formatNumber(response.protection.threshold) : 'de drempel voor kleine aantallen'} tonen
          we niet, net als een aantal waaruit dat terug te rekenen is. Een mediaan of gemiddelde van minder
          casussen (of huishoudens) dan die drempel tonen we ook niet: die zegt te weinig en kan iets over één
          gezin verraden.
        </Paragraph>
      </div>
    </section>
  );
}

function ProcessTable({
  response,
  caption,
  regionNames,
}: {
  response: ProcessResponse;
  caption: string;
  regionNames: ReadonlyMap<string, string>;
}) {
  const tableId = useId();
  const names = useGroupNames(response.by, regionNames);
  const rows = [...response.rows].sort((a, b) =>
    groupName(a.key, response.by, names).localeCompare(groupName(b.key, response.by, names), 'nl'),
  );
  return (
    <TableContainer
      overflowInline
      className="ks-table-container ks-scroll-region"
      tabIndex={0}
      role="region"
      aria-labelledby={`${tableId}-caption`}
    >
      <Table className="ks-table" id={tableId}>
        <TableCaption id={`${tableId}-caption`} className="ks-table__caption">
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{GROUPINGS[response.by].column}</TableHeaderCell>
            {PROCESS_COLUMNS.map((column) => (
              <TableHeaderCell scope="col" key={column}>
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <ProcessTableRow
              key={row.key}
              name={groupName(row.key, response.by, names)}
              cells={processCells(row)}
            />
          ))}
        </TableBody>
        <TableFooter>
          <ProcessTableRow name="Totaal" cells={processCells(response.total)} total />
        </TableFooter>
      </Table>
    </TableContainer>
  );
}

function ProcessTableRow({ name, cells, total = false }: { name: string; cells: string[]; total?: boolean }) {
  return (
    <TableRow>
      <TableHeaderCell scope="row" className={total ? undefined : 'ks-table__row-header'}>
        {name}
      </TableHeaderCell>
      {/* The cells are positional, in the order of PROCESS_COLUMNS. */}
      {cells.map((text, index) => (
        <TableCell numericColumn key={PROCESS_COLUMNS[index]}>
          {text}
        </TableCell>
      ))}
    </TableRow>
  );
}

function EmptyState({ filtered }: { filtered: boolean }) {
  return (
    <section aria-labelledby="uitkomsten-leeg" className="ks-section">
      <Heading level={2} id="uitkomsten-leeg">
        {filtered ? 'Geen casussen in deze keuze' : 'Nog geen casussen'}
      </Heading>
      <Paragraph className="ks-prose">
        {filtered
          ? 'Voor dit jaar of deze regio staan geen overgedragen casussen in het register. Kies een ander jaar of "Heel Nederland".'
          : 'Het casusregister is nog leeg, dus er zijn nog geen uitkomsten te tonen.'}
      </Paragraph>
      <Paragraph className="ks-prose">
        Casussen komen in het register als een aanleverancier (Veilig Thuis of een lokaal team) een
        gepseudonimiseerd casusbestand aanlevert op{' '}
        <AppLink to="/casussen/aanleveren">Casussen aanleveren</AppLink>, of met de opdracht{' '}
        <code>ketenzicht import-cases BESTAND</code>. Om de pagina uit te proberen laadt de beheerder
        synthetische casussen met <code>ketenzicht demo</code>.
      </Paragraph>
    </section>
  );
}

function Explanation({ response }: { response: OutcomeResponse | undefined }) {
  return (
    <section aria-labelledby="uitkomsten-uitleg" className="ks-section">
      <Heading level={2} id="uitkomsten-uitleg">
        Zo is het berekend
      </Heading>
      <div className="ks-intro ks-prose">
        <UnorderedList>
          {MEASURE_CODES.map((code: OutcomeMeasureCode) => (
            <UnorderedListItem key={code}>
              <strong>{MEASURES[code].label}</strong>: het aantal {MEASURES[code].numerator}, gedeeld door het
              aantal {MEASURES[code].denominator}.{MEASURES[code].lowerIsBetter ? ' Lager is beter.' : ''}
            </UnorderedListItem>
          ))}
        </UnorderedList>
        <Paragraph>
          <strong>Onbekend</strong>: het meetvenster is voorbij zonder bruikbare meting. Deze casussen staan
          naast het aandeel en tellen nooit mee, ook niet als "gestopt" of "niet gestopt".{' '}
          <strong>Te jong</strong>: het meetvenster is nog open; deze casussen blijven buiten de berekening
          tot er een uitkomst is.
        </Paragraph>
        <Paragraph>
          Het 95%-interval (Wilson) geeft aan hoe zeker het aandeel is: bij weinig bekende casussen is het
          breed.
        </Paragraph>
        <Paragraph>
          <strong>Dit toont samenhang, geen effect.</strong> Gezinnen krijgen een interventie niet door
          loting: een zwaardere interventie gaat vaker naar zwaardere situaties. Vergelijk interventies daarom
          binnen dezelfde veiligheidsbeoordeling (de kolommen rechts in de tabel), en lees een verschil als
          aanleiding voor een gesprek, niet als bewijs.
        </Paragraph>
        {response && (
          <Paragraph>
            Kleine aantallen worden afgeschermd: een telling van 1 tot{' '}
            {formatNumber(response.protection.threshold)} casussen tonen we niet, net als een telling waaruit
            zo'n klein aantal terug te rekenen is. Berekend op {formatDate(response.computedOn)}; of een casus
            "te jong" is, hangt van die datum af.
          </Paragraph>
        )}
      </div>
    </section>
  );
}
