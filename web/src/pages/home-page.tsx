// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Code, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { isNotFound } from '../api/client.ts';
import { mapPath, mapQuery } from '../api/dashboard-queries.ts';
import { indicatorsQuery } from '../api/figures-queries.ts';
import type { MapLevel } from '../api/types.ts';
import { AppLink } from '../components/app-link.tsx';
import { useSession } from '../components/session.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import {
  DEFAULT_INDICATOR,
  type HomeSearch,
  withIndicator,
  withLevel,
  withMeasure,
  withPeriod,
} from '../lib/home-search.ts';
import { overviewTexts as t } from '../lib/overview-texts.ts';
import { LevelSwitch } from '../map/level-switch.tsx';
import { PopulationMap } from '../map/population-map.tsx';
import { GemeenteSearch } from '../search/gemeente-search.tsx';
import { levelTexts, texts } from '../texts.ts';
import { FigureChoices, IndicatorPicker } from './overview-controls.tsx';
import { IndicatorMap, responseNames } from './overview-map.tsx';
import { DownloadLinks, FigureNotes, SyntheticNotice } from './overview-parts.tsx';

/**
 * The overview (`/`): one indicator, period and level on a choropleth map, with the same figures as a table
 * and a ranking. Every choice lives in the URL. Without any figures yet it shows the population map.
 */
export function HomePage({ search }: { search: HomeSearch }) {
  useDocumentTitle(t.documentTitle);
  const navigate = useNavigate();
  const go = (next: HomeSearch) => {
    void navigate({ to: '/', search: next, replace: true });
  };
  const level: MapLevel = search.niveau ?? 'gemeente';

  const catalogue = useQuery(indicatorsQuery());
  const isKnown = (code: string) => catalogue.data?.items.some((item) => item.code === code) ?? true;
  const unknown = search.indicator && !isKnown(search.indicator) ? search.indicator : null;
  const indicator = search.indicator && !unknown ? search.indicator : DEFAULT_INDICATOR;
  const params = {
    indicator,
    level,
    ...(unknown ? {} : { period: search.periode, measure: search.maat }),
  };
  const figures = useQuery({ ...mapQuery(params), placeholderData: keepPreviousData });
  const hasNoFigures =
    indicator === DEFAULT_INDICATOR &&
    ((figures.isError && isNotFound(figures.error)) || figures.data?.periods.length === 0);
  const headingId = useId();
  const controlsId = useId();

  return (
    <>
      <Heading level={1}>{texts.home.heading}</Heading>
      <SetupNotice />
      <SyntheticNotice show={figures.data?.syntheticData ?? catalogue.data?.syntheticData ?? false} />
      <Paragraph appearance="lead">{t.intro}</Paragraph>
      <GemeenteSearch />
      {hasNoFigures ? (
        <PopulationSection level={level} onLevel={(next) => go(withLevel(search, next))} />
      ) : (
        <>
          {unknown && <ErrorMessage>{t.unknownIndicator(unknown)}</ErrorMessage>}
          <section aria-labelledby={controlsId} className="ks-section ks-overview-controls">
            <Heading level={2} id={controlsId}>
              {t.controlsHeading}
            </Heading>
            <div className="ks-filters__fields">
              {catalogue.data && (
                <IndicatorPicker
                  items={catalogue.data.items}
                  current={figures.data?.indicator.code ?? indicator}
                  search={search}
                  onChange={(code) => go(withIndicator(search, code))}
                />
              )}
              {figures.data && (
                <FigureChoices
                  periods={figures.data.periods}
                  period={figures.data.period}
                  level={level}
                  measure={figures.data.measure}
                  onPeriod={(period) => go(withPeriod(search, period))}
                  onLevel={(next) => go(withLevel(search, next))}
                  onMeasure={(measure) =>
                    go(withMeasure(search, measure === 'per1000' ? undefined : measure))
                  }
                />
              )}
            </div>
          </section>
          <section aria-labelledby={headingId} className="ks-map-section">
            {figures.data ? (
              <>
                <Heading level={2} id={headingId}>
                  {t.mapHeading(
                    responseNames(figures.data).title,
                    levelTexts[figures.data.level].singular,
                    figures.data.periodLabel,
                  )}
                </Heading>
                <Paragraph aria-live="polite" className="ks-updating">
                  {figures.isPlaceholderData ? t.updating : ''}
                </Paragraph>
                {/* A new level or indicator is a new map: reset hover and focus state with the key. */}
                <IndicatorMap
                  key={`${figures.data.level}-${figures.data.indicator.code}`}
                  response={figures.data}
                />
                <FigureNotes response={figures.data} />
                <Paragraph>
                  <AppLink
                    to="/indicator/$code"
                    params={{ code: figures.data.indicator.code }}
                    search={{
                      periode: figures.data.period,
                      ...(level === 'gemeente' ? {} : { niveau: level }),
                      ...(search.maat ? { maat: search.maat } : {}),
                    }}
                  >
                    {t.indicatorLink(figures.data.indicator.name)}
                  </AppLink>
                </Paragraph>
                <DownloadLinks
                  jsonPath={mapPath({
                    indicator: figures.data.indicator.code,
                    period: figures.data.period,
                    level: figures.data.level,
                    measure: figures.data.measure,
                  })}
                />
              </>
            ) : figures.isError ? (
              <>
                <Heading level={2} id={headingId}>
                  {t.noFiguresHeading}
                </Heading>
                {/* A 404 says in Dutch what is missing ("Er zijn nog geen cijfers van …"). */}
                {isNotFound(figures.error) ? (
                  <Paragraph>{figures.error.message}</Paragraph>
                ) : (
                  <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>
                )}
              </>
            ) : (
              <>
                <Heading level={2} id={headingId}>
                  {texts.home.mapHeading(levelTexts[level].singular)}
                </Heading>
                <LoadingMessage>{t.loading}</LoadingMessage>
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** No figures yet: the population map of the first version, with a word on where figures come from. */
function PopulationSection({ level, onLevel }: { level: MapLevel; onLevel(level: MapLevel): void }) {
  const mapHeadingId = useId();
  return (
    <section aria-labelledby={mapHeadingId} className="ks-map-section">
      <Heading level={2} id={mapHeadingId}>
        {texts.home.mapHeading(levelTexts[level].singular)}
      </Heading>
      <Paragraph>{t.noFigures}</Paragraph>
      <LevelSwitch level={level} onChange={onLevel} />
      {/* A new level is a new map: reset hover and focus state with the key. */}
      <PopulationMap key={level} level={level} />
    </section>
  );
}

/** A fresh installation has no beheerder: say how the person running the server creates the first one. */
function SetupNotice() {
  const session = useSession();
  if (!session.data?.setupNeeded) return null;
  const s = texts.setup;
  return (
    // Part of the page, not an event: no live region.
    <Alert type="warning" role="note" className="ks-notice ks-setup-notice">
      <Heading level={2} className="ks-notice__heading">
        {s.heading}
      </Heading>
      <Paragraph>{s.body}</Paragraph>
      <Paragraph>
        <Code className="ks-command">{s.command}</Code>
      </Paragraph>
      <Paragraph>{s.after}</Paragraph>
    </Alert>
  );
}
