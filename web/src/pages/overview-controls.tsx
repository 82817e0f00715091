// SPDX-License-Identifier: EUPL-1.2
import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import type { Measure } from '../../../src/shared/dashboards.ts';
import { SOURCE_LABELS } from '../../../src/shared/figures.ts';
import type { Indicator } from '../api/figures-queries.ts';
import type { MapLevel } from '../api/types.ts';
import { AppLink } from '../components/app-link.tsx';
import { indicatorsBySource } from '../lib/figures.ts';
import { type HomeSearch, withIndicator } from '../lib/home-search.ts';
import { searchIndicators } from '../lib/overview.ts';
import { overviewTexts as t } from '../lib/overview-texts.ts';
import { LevelSwitch } from '../map/level-switch.tsx';
import { GroupedSelectField } from './figures-parts.tsx';
import { RadioSwitch } from './overview-parts.tsx';

const MAX_RESULTS = 8;

/** The measures a count can be shown in; other indicators have only their own value. */
const COUNT_MEASURES = [
  { value: 'per1000', label: t.measures.per1000 },
  { value: 'aantal', label: t.measures.aantal },
] as const;

export function isCountMeasure(measure: Measure): measure is 'per1000' | 'aantal' {
  return measure === 'per1000' || measure === 'aantal';
}

interface PeriodOption {
  code: string;
  label: string;
}

/** Period select, level switch and (for counts) the measure: each applies at once and lives in the URL. */
export function FigureChoices({
  periods,
  period,
  level,
  measure,
  onPeriod,
  onLevel,
  onMeasure,
}: {
  periods: readonly PeriodOption[];
  period: string;
  level: MapLevel;
  measure: Measure;
  onPeriod(period: string): void;
  onLevel(level: MapLevel): void;
  onMeasure(measure: Measure): void;
}) {
  const id = useId();
  const offered = periods.some((option) => option.code === period)
    ? periods
    : [{ code: period, label: period }, ...periods];
  return (
    <>
      <GroupedSelectField
        id={`${id}-periode`}
        label={t.period}
        description={t.periodDescription}
        value={period}
        groups={[
          {
            label: t.period,
            options: offered.map((option) => ({ value: option.code, label: option.label })),
          },
        ]}
        onChange={onPeriod}
      />
      <LevelSwitch level={level} onChange={onLevel} legend={t.levelLegend} />
      {isCountMeasure(measure) && (
        <RadioSwitch legend={t.measureLegend} value={measure} options={COUNT_MEASURES} onChange={onMeasure} />
      )}
    </>
  );
}

/**
 * Choose an indicator: the whole catalogue in a select grouped by source, and a search over names, codes and
 * definitions whose results are links (so the choice is also a shareable URL).
 */
export function IndicatorPicker({
  items,
  current,
  search,
  onChange,
}: {
  items: readonly Indicator[];
  current: string;
  search: HomeSearch;
  onChange(code: string): void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const found = searchIndicators(items, query);
  const groups = indicatorsBySource(items).map((group) => ({
    label: SOURCE_LABELS[group.source],
    options: group.items.map((item) => ({ value: item.code, label: item.name })),
  }));
  const hasQuery = query.trim() !== '';

  return (
    <div className="ks-indicator-picker">
      <GroupedSelectField
        id={`${id}-indicator`}
        label={t.indicator}
        value={current}
        groups={groups}
        onChange={onChange}
      />
      <search className="ks-indicator-picker__search" aria-labelledby={`${id}-search-label`}>
        <FormField
          label={
            <FormLabel htmlFor={`${id}-search`} id={`${id}-search-label`}>
              {t.indicatorSearch}
            </FormLabel>
          }
          description={
            <FormFieldDescription id={`${id}-search-description`}>
              {t.indicatorSearchDescription}
            </FormFieldDescription>
          }
          input={
            <Textbox
              id={`${id}-search`}
              type="search"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-search-description ${id}-search-status`}
              aria-controls={`${id}-results`}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          }
        />
        {/* Polite, but not role="status": the page has one status line already (the gemeente search). */}
        <Paragraph id={`${id}-search-status`} aria-live="polite" className="ks-search__status">
          {hasQuery ? t.indicatorResultCount(found.length, query.trim()) : ''}
        </Paragraph>
        <ul
          id={`${id}-results`}
          aria-label={t.indicatorResults}
          className="ks-search__results"
          hidden={found.length === 0}
        >
          {found.slice(0, MAX_RESULTS).map((item) => (
            <li key={item.code}>
              <AppLink to="/" search={withIndicator(search, item.code)} onClick={() => setQuery('')}>
                {item.name}
              </AppLink>{' '}
              <span className="ks-indicator-picker__source">({SOURCE_LABELS[item.source]})</span>
            </li>
          ))}
        </ul>
      </search>
    </div>
  );
}
