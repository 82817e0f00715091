// SPDX-License-Identifier: EUPL-1.2

import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { DataList, Heading, Paragraph } from '@utrecht/component-library-react';
import { PERIOD_TYPE_LABELS, SOURCE_LABELS } from '../../../src/shared/figures.ts';
import { type Dimension, type Indicator, indicatorsQuery } from '../api/figures-queries.ts';
import { AppLink } from '../components/app-link.tsx';
import { Fact } from '../components/fact.tsx';
import { useSession } from '../components/session.tsx';
import { LoadingMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { breakdownNames, formulaText, indicatorsBySource, unitLabel } from '../lib/figures.ts';
import { overviewTexts } from '../lib/overview-texts.ts';
import { texts } from '../texts.ts';
import { AddIndicatorSection } from './figures-indicator-form.tsx';
import { FiguresLoadError } from './figures-parts.tsx';

const t = texts.indicators;
const DIMENSIONS_ID = 'uitsplitsingen';
const ADD_ID = 'indicator-toevoegen';

const sourceId = (source: string) => `bron-${source}`;

/**
 * /indicatoren: the indicator catalogue by source, with what each indicator means, how it adds up and, for a
 * derived indicator, its formula; the breakdown dimensions with their values; and for a beheerder the form to
 * add an indicator.
 */
export function IndicatorsPage() {
  useDocumentTitle(t.documentTitle);
  const query = useQuery(indicatorsQuery());
  const isAdmin = useSession().data?.user?.isAdmin === true;
  const here = useLocation({ select: (location) => location.href });

  return (
    <>
      <Heading level={1}>{t.heading}</Heading>
      <div className="ks-prose ks-intro">
        {t.intro.map((paragraph) => (
          <Paragraph key={paragraph}>{paragraph}</Paragraph>
        ))}
      </div>
      {query.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : query.isError ? (
        <FiguresLoadError error={query.error} what={t.loadWhat} here={here} />
      ) : (
        <Catalogue items={query.data.items} dimensions={query.data.dimensions} isAdmin={isAdmin} />
      )}
    </>
  );
}

function Catalogue({
  items,
  dimensions,
  isAdmin,
}: {
  items: readonly Indicator[];
  dimensions: readonly Dimension[];
  isAdmin: boolean;
}) {
  const groups = indicatorsBySource(items);
  const byCode = new Map(items.map((item) => [item.code, item]));
  return (
    <>
      <nav aria-label={t.contentsLabel} className="ks-contents">
        <ul className="ks-plain-list ks-contents__list">
          {groups.map((group) => (
            <li key={group.source}>
              <a className="utrecht-link utrecht-link--html-a" href={`#${sourceId(group.source)}`}>
                {SOURCE_LABELS[group.source]}
              </a>{' '}
              <span className="ks-contents__count">({t.count(group.items.length)})</span>
            </li>
          ))}
          <li>
            <a className="utrecht-link utrecht-link--html-a" href={`#${DIMENSIONS_ID}`}>
              {t.dimensionsHeading}
            </a>
          </li>
          {isAdmin && (
            <li>
              <a className="utrecht-link utrecht-link--html-a" href={`#${ADD_ID}`}>
                {t.addHeading}
              </a>
            </li>
          )}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.source} aria-labelledby={sourceId(group.source)} className="ks-section">
          <Heading level={2} id={sourceId(group.source)}>
            {SOURCE_LABELS[group.source]}
          </Heading>
          {group.items.map((indicator) => (
            <IndicatorEntry
              key={indicator.code}
              indicator={indicator}
              dimensions={dimensions}
              catalogue={byCode}
            />
          ))}
        </section>
      ))}
      <DimensionsSection dimensions={dimensions} />
      {isAdmin && <AddIndicatorSection id={ADD_ID} items={items} dimensions={dimensions} />}
    </>
  );
}

function IndicatorEntry({
  indicator,
  dimensions,
  catalogue,
}: {
  indicator: Indicator;
  dimensions: readonly Dimension[];
  catalogue: ReadonlyMap<string, Indicator>;
}) {
  const headingId = `indicator-${indicator.code}`;
  const formula = formulaText(indicator);
  const unit = unitLabel(indicator, catalogue);
  return (
    <article aria-labelledby={headingId} className="ks-indicator">
      <Heading level={3} id={headingId}>
        {indicator.name}
      </Heading>
      <Paragraph className="ks-prose">{indicator.definition}</Paragraph>
      <DataList className="ks-facts ks-indicator__facts">
        <Fact label={t.code}>
          <code className="ks-code">{indicator.code}</code>
        </Fact>
        <Fact label={t.unit}>{unit.charAt(0).toLocaleUpperCase('nl-NL') + unit.slice(1)}</Fact>
        <Fact label={t.periodTypes}>
          {indicator.periodTypes.map((type) => PERIOD_TYPE_LABELS[type]).join(', ')}
        </Fact>
        <Fact label={t.additive}>{indicator.aggregation === 'sum' ? t.additiveYes : t.additiveNo}</Fact>
        <Fact label={t.higherIsBetter}>
          {indicator.higherIsBetter === null
            ? t.higherNeither
            : indicator.higherIsBetter
              ? t.higherYes
              : t.higherNo}
        </Fact>
        <Fact label={t.breakdowns}>
          {indicator.breakdowns.length > 0
            ? breakdownNames(indicator.breakdowns, dimensions).join(', ')
            : t.noBreakdowns}
        </Fact>
        {formula && <Fact label={t.formula}>{formula}</Fact>}
        {indicator.origin === 'beheerder' && <Fact label={t.origin}>{t.originAdmin}</Fact>}
      </DataList>
      <ul className="ks-plain-list ks-indicator-links">
        <li>
          <AppLink to="/indicator/$code" params={{ code: indicator.code }}>
            {overviewTexts.indicatorPageLink(indicator.name)}
          </AppLink>
        </li>
        <li>
          <AppLink to="/cijfers" search={{ indicator: indicator.code }}>
            {t.figuresLink(indicator.name)}
          </AppLink>
        </li>
      </ul>
    </article>
  );
}

function DimensionsSection({ dimensions }: { dimensions: readonly Dimension[] }) {
  return (
    <section aria-labelledby={DIMENSIONS_ID} className="ks-section">
      <Heading level={2} id={DIMENSIONS_ID}>
        {t.dimensionsHeading}
      </Heading>
      <Paragraph className="ks-prose">{t.dimensionsIntro}</Paragraph>
      {dimensions.map((dimension) => {
        const headingId = `uitsplitsing-${dimension.code}`;
        return (
          <article key={dimension.code} aria-labelledby={headingId} className="ks-indicator">
            <Heading level={3} id={headingId}>
              {dimension.name} <span className="ks-code">({dimension.code})</span>
            </Heading>
            {dimension.description && <Paragraph className="ks-prose">{dimension.description}</Paragraph>}
            <ul aria-label={t.dimensionValues(dimension.name)} className="ks-dimension-values">
              {dimension.values.map((value) => (
                <li key={value.code}>
                  {value.name} <span className="ks-code">({value.code})</span>
                </li>
              ))}
            </ul>
          </article>
        );
      })}
    </section>
  );
}
