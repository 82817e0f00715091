// SPDX-License-Identifier: EUPL-1.2

import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  DataList,
  Heading,
  Paragraph,
  PreHeading,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Fragment, useEffect } from 'react';
import { isClientError } from '../api/client.ts';
import { areaQuery } from '../api/queries.ts';
import {
  type AreaDetail,
  type AreaRef,
  isMapLevel,
  type Level,
  type PopulationFigure,
} from '../api/types.ts';
import { AreaLink } from '../components/area-link.tsx';
import { AreaTable } from '../components/area-table.tsx';
import { Fact } from '../components/fact.tsx';
import { MergerNoticeAlert, PredecessorsSection } from '../components/merger-sections.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { areaPath, normaliseCode } from '../lib/area-paths.ts';
import { formatDate, formatNumber } from '../lib/format.ts';
import { mergerNotice, predecessorSection, todayIso } from '../lib/mergers.ts';
import type { ProfileSearch } from '../lib/profile-search.ts';
import { LocatorMap } from '../map/locator-map.tsx';
import { levelTexts, texts } from '../texts.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { ProfileSection } from './profile-section.tsx';

const t = texts.area;

/**
 * The page of one area: its facts and location, then its profile (key figures with comparisons and trends; the
 * year and comparison group come from `search`). `level` is the level the URL claims; a code of another level
 * redirects.
 */
export function AreaPage({ level, code, search }: { level: Level; code: string; search: ProfileSearch }) {
  const normalised = normaliseCode(code);
  const query = useQuery(areaQuery(normalised));

  if (query.isPending) return <LoadingMessage>{texts.common.loading}</LoadingMessage>;
  if (query.isError) {
    // 404: no such area; 400: not even the shape of a code (/gemeente/onzin). Both: not found.
    if (isClientError(query.error)) return <NotFoundPage code={normalised} />;
    return <ErrorMessage>{t.loadError}</ErrorMessage>;
  }
  const area = query.data;
  if (area.level !== level || area.code !== code) {
    return <Redirect href={areaPath(area.level, area.code)} />;
  }
  return <AreaDetails area={area} search={search} />;
}

/** /gemeente/VT01 or /gemeente/gm0363: replace the URL with the area's own page. */
function Redirect({ href }: { href: string }) {
  const navigate = useNavigate();
  useEffect(() => {
    void navigate({ href, replace: true });
  }, [navigate, href]);
  return <LoadingMessage>{texts.common.loading}</LoadingMessage>;
}

function latest(population: readonly PopulationFigure[]): PopulationFigure | undefined {
  return population.reduce<PopulationFigure | undefined>(
    (found, figure) => (!found || figure.referenceDate > found.referenceDate ? figure : found),
    undefined,
  );
}

function AreaDetails({ area, search }: { area: AreaDetail; search: ProfileSearch }) {
  useDocumentTitle(area.name);
  const names = levelTexts[area.level];
  const current = latest(area.population);
  const parentOf = (level: Level) => area.parents.find((parent) => parent.level === level);
  const province = parentOf('provincie');
  const region = parentOf('veiligthuisregio');
  const others =
    area.level === 'gemeente' ? [] : area.parents.filter((parent) => parent.level !== area.level);
  const notice = area.level === 'gemeente' ? mergerNotice(area, todayIso()) : null;
  const predecessors = predecessorSection(area);

  return (
    <>
      <PreHeading>{notice?.isPast ? t.formerGemeente : names.label}</PreHeading>
      <Heading level={1}>{area.name}</Heading>
      {notice && <MergerNoticeAlert notice={notice} />}
      <div className="ks-area-summary">
        <DataList className="ks-facts">
          <Fact label={t.code}>{area.code}</Fact>
          <Fact label={t.level}>{names.label}</Fact>
          {province && (
            <Fact label={t.province}>
              <AreaLink area={province}>{province.name}</AreaLink>
            </Fact>
          )}
          {region && (
            <Fact label={t.region}>
              <AreaLink area={region}>{region.name}</AreaLink>
            </Fact>
          )}
          {others.length > 0 && (
            <Fact label={t.partOf}>
              <ParentLinks parents={others} />
            </Fact>
          )}
          {current && (
            <Fact label={t.latestPopulation(formatDate(current.referenceDate))}>
              {formatNumber(current.inhabitants)}
            </Fact>
          )}
          {area.validTo && <Fact label={t.validTo}>{formatDate(area.validTo)}</Fact>}
        </DataList>
        {isMapLevel(area.level) && <LocatorMap level={area.level} code={area.code} name={area.name} />}
      </div>

      <ProfileSection area={area} search={search} />

      {predecessors && <PredecessorsSection section={predecessors} />}

      {area.population.length > 0 && <PopulationTable name={area.name} population={area.population} />}

      {area.children.length > 0 && (
        <section aria-labelledby="gemeenten" className="ks-section">
          <Heading level={2} id="gemeenten">
            {t.membersHeading(area.name)}
          </Heading>
          <Paragraph>{t.membersIntro(names.singular)}</Paragraph>
          <AreaTable
            caption={t.membersCaption(area.name, area.children.length)}
            areas={area.children}
            nameLabel={t.memberColumn}
          />
        </section>
      )}
    </>
  );
}

function ParentLinks({ parents }: { parents: readonly AreaRef[] }) {
  return parents.map((parent, i) => (
    <Fragment key={parent.code}>
      {i > 0 && ', '}
      <AreaLink area={parent}>{parent.name}</AreaLink>
    </Fragment>
  ));
}

function PopulationTable({ name, population }: { name: string; population: readonly PopulationFigure[] }) {
  const rows = [...population].sort((a, b) => a.referenceDate.localeCompare(b.referenceDate));
  return (
    <section aria-labelledby="inwoners" className="ks-section">
      <Heading level={2} id="inwoners">
        {t.populationHeading}
      </Heading>
      <Table className="ks-table ks-table--narrow">
        <TableCaption className="ks-table__caption">{t.populationCaption(name)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.referenceDate}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {texts.common.inhabitants}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((figure) => (
            <TableRow key={figure.referenceDate}>
              <TableHeaderCell scope="row">{formatDate(figure.referenceDate)}</TableHeaderCell>
              <TableCell numericColumn>{formatNumber(figure.inhabitants)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
