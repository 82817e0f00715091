// SPDX-License-Identifier: EUPL-1.2

import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import {
  Alert,
  DataList,
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
import { useId } from 'react';
import { periodCodeLabel } from '../../../src/shared/periods.ts';
import {
  type Dimension,
  historyQuery,
  type Indicator,
  indicatorsQuery,
  type ObservationVersion,
} from '../api/figures-queries.ts';
import { areaQuery } from '../api/queries.ts';
import { AppLink } from '../components/app-link.tsx';
import { AreaLink } from '../components/area-link.tsx';
import { Fact } from '../components/fact.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import {
  DEMO_FILE_NAME,
  figuresSearchForVersions,
  formatFigure,
  historyPath,
  type VersionsSearch,
} from '../lib/figures.ts';
import { formatDateTime, formatNumber } from '../lib/format.ts';
import { levelTexts, texts } from '../texts.ts';
import { FiguresLoadError } from './figures-parts.tsx';

const t = texts.figureVersions;

type CompleteSearch = Required<Pick<VersionsSearch, 'indicator' | 'gebied' | 'periode'>> & VersionsSearch;

/**
 * /cijfers/versies: every version of one figure (indicator × area × period × breakdown), newest first, with
 * the import and file that recorded it and when it was replaced.
 */
export function FigureVersionsPage({ search }: { search: VersionsSearch }) {
  useDocumentTitle(t.documentTitle);
  const { indicator, gebied, periode } = search;
  return (
    <>
      <Heading level={1}>{t.heading}</Heading>
      <Paragraph className="ks-prose">{t.intro}</Paragraph>
      {indicator && gebied && periode ? (
        <Versions search={{ ...search, indicator, gebied, periode }} />
      ) : (
        <>
          <ErrorMessage>{t.invalidLink}</ErrorMessage>
          <Paragraph>
            <AppLink to="/cijfers">{texts.figures.heading}</AppLink>
          </Paragraph>
        </>
      )}
    </>
  );
}

function Versions({ search }: { search: CompleteSearch }) {
  const here = useLocation({ select: (location) => location.href });
  const catalogue = useQuery(indicatorsQuery());
  const area = useQuery(areaQuery(search.gebied));
  const history = useQuery(
    historyQuery(
      historyPath({
        indicator: search.indicator,
        area: search.gebied,
        period: search.periode,
        breakdown: search.uitsplitsing ?? '',
      }),
    ),
  );
  const indicator = catalogue.data?.items.find((item) => item.code === search.indicator);

  return (
    <>
      <Paragraph>
        <AppLink to="/cijfers" search={figuresSearchForVersions(search)}>
          {t.back}
        </AppLink>
      </Paragraph>
      <DataList className="ks-facts ks-versions-facts">
        <Fact label={t.indicator}>
          {indicator ? `${indicator.name} (${indicator.code})` : search.indicator}
        </Fact>
        <Fact label={t.area}>
          {area.data ? (
            <>
              <AreaLink area={area.data}>{area.data.name}</AreaLink> ({levelTexts[area.data.level].singular},{' '}
              {area.data.code})
            </>
          ) : (
            search.gebied
          )}
        </Fact>
        <Fact label={t.period}>{periodCodeLabel(search.periode)}</Fact>
        <Fact label={t.breakdown}>
          {breakdownLabel(search.uitsplitsing, catalogue.data?.dimensions ?? [])}
        </Fact>
      </DataList>
      {history.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : history.isError ? (
        <FiguresLoadError error={history.error} what={t.loadWhat} here={here} />
      ) : history.data.items.length === 0 ? (
        <Paragraph>{t.none}</Paragraph>
      ) : (
        <>
          {history.data.items.some((version) => version.fileName === DEMO_FILE_NAME) && (
            <Alert type="warning" className="ks-notice">
              <Paragraph>
                <strong>{texts.figures.demoNotice}</strong>. {texts.figures.demoNoticeBody}
              </Paragraph>
            </Alert>
          )}
          <VersionsTable versions={history.data.items} indicator={indicator} />
        </>
      )}
    </>
  );
}

/** "Aard van het geweld: Kindermishandeling", or "Totaal (geen uitsplitsing)". */
function breakdownLabel(key: string | undefined, dimensions: readonly Dimension[]): string {
  if (!key) return t.breakdownTotal;
  return key
    .split('|')
    .map((part) => {
      const [dimensionCode = '', valueCode = ''] = part.split('=');
      const dimension = dimensions.find((candidate) => candidate.code === dimensionCode);
      const value = dimension?.values.find((candidate) => candidate.code === valueCode);
      return `${dimension?.name ?? dimensionCode}: ${value?.name ?? valueCode}`;
    })
    .join('; ');
}

function VersionsTable({
  versions,
  indicator,
}: {
  versions: readonly ObservationVersion[];
  indicator: Indicator | undefined;
}) {
  const value = (version: ObservationVersion) => {
    if (version.withdrawn || version.value === null) return t.withdrawn;
    return indicator ? formatFigure(version.value, indicator) : formatNumber(version.value);
  };
  const captionId = useId();
  // The API names who imported only to beheerders and aanleveranciers.
  const showsActor = versions.some((version) => version.actorLabel !== null);
  return (
    // Wider than a narrow screen: the scrolling container takes focus, so it scrolls with the keyboard too.
    <TableContainer
      overflowInline
      className="ks-table-container ks-scroll-region"
      tabIndex={0}
      role="region"
      aria-labelledby={captionId}
    >
      <Table className="ks-table ks-versions-table">
        <TableCaption id={captionId} className="ks-table__caption">
          {t.caption(versions.length)}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" numericColumn>
              {t.version}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t.value}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t.status}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t.importId}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t.fileName}</TableHeaderCell>
            {showsActor && <TableHeaderCell scope="col">{t.actor}</TableHeaderCell>}
            <TableHeaderCell scope="col">{t.recordedAt}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.supersededAt}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {versions.map((version) => (
            <TableRow key={version.version}>
              <TableHeaderCell scope="row" numericColumn className="ks-table__row-header">
                {version.version}
              </TableHeaderCell>
              <TableCell numericColumn className="ks-nowrap">
                {value(version)}
              </TableCell>
              <TableCell>
                {version.withdrawn ? t.withdrawn : texts.figures.statuses[version.status]}
              </TableCell>
              <TableCell numericColumn>
                {version.importKind === 'undo' ? t.undo(version.importId) : version.importId}
              </TableCell>
              <TableCell className="ks-audit-table__wrap">{version.fileName}</TableCell>
              {showsActor && <TableCell className="ks-audit-table__wrap">{version.actorLabel}</TableCell>}
              <TableCell>
                <time dateTime={version.recordedAt}>{formatDateTime(version.recordedAt)}</time>
              </TableCell>
              <TableCell>
                {version.supersededAt ? (
                  <time dateTime={version.supersededAt}>{formatDateTime(version.supersededAt)}</time>
                ) : (
                  t.current
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
