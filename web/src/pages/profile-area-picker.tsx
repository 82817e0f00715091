// SPDX-License-Identifier: EUPL-1.2
/**
 * Choose several areas: the chosen ones as a list with a remove button each, and a search (as the gemeente
 * search on the home page) whose results each have an add button. Used for the profile's own comparison group
 * (gemeenten only) and for the compare page (any level). Every change is announced.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { areasQuery } from '../api/queries.ts';
import type { Level } from '../api/types.ts';
import { SelectField, TextField } from '../components/form.tsx';
import { isSearchable, normaliseQuery, type SearchState } from '../search/logic/search-status.ts';
import { useDebouncedValue } from '../search/use-debounced-value.ts';
import { levelTexts, texts } from '../texts.ts';

const t = texts.compare;
const DEBOUNCE_MS = 250;

export interface PickedArea {
  code: string;
  name: string;
  level?: Level;
}

interface AreaPickerProps {
  heading: string;
  headingLevel: 2 | 3;
  /** The levels to search; more than one gives a choice of level. */
  levels: readonly Level[];
  chosen: readonly PickedArea[];
  max: number;
  /** Shown when nothing is chosen yet. */
  emptyText: string;
  /** A sentence under the list, e.g. "2 van de maximaal 5 gebieden gekozen." */
  countText?: string;
  onAdd(area: PickedArea): void;
  onRemove(area: PickedArea): void;
}

export function AreaPicker({
  heading,
  headingLevel,
  levels,
  chosen,
  max,
  emptyText,
  countText,
  onAdd,
  onRemove,
}: AreaPickerProps) {
  const id = useId();
  const [level, setLevel] = useState<Level>(levels[0] ?? 'gemeente');
  const [input, setInput] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const query = normaliseQuery(useDebouncedValue(input, DEBOUNCE_MS));
  // Nederland is one area: list it without typing.
  const enabled = level === 'land' || isSearchable(query);
  const result = useQuery({
    ...areasQuery(level === 'land' ? { level } : { level, q: query }),
    enabled,
    placeholderData: keepPreviousData,
  });
  const items = enabled ? (result.data?.items ?? []) : [];
  const state: SearchState = (() => {
    if (level === 'land')
      return result.isSuccess ? { kind: 'done', count: items.length, query } : { kind: 'idle' };
    if (normaliseQuery(input) === '') return { kind: 'idle' };
    if (!isSearchable(input)) return { kind: 'too-short' };
    if (result.isError) return { kind: 'error' };
    if (!enabled || result.isFetching || normaliseQuery(input) !== query) return { kind: 'searching' };
    return { kind: 'done', count: items.length, query };
  })();
  const isFull = chosen.length >= max;
  const chosenCodes = new Set(chosen.map((area) => area.code));

  const add = (area: PickedArea) => {
    onAdd(area);
    setAnnouncement(t.added(area.name));
  };
  const remove = (area: PickedArea) => {
    onRemove(area);
    setAnnouncement(t.removed(area.name));
  };

  return (
    <div className="ks-picker">
      <Heading level={headingLevel} id={`${id}-heading`}>
        {heading}
      </Heading>
      {chosen.length === 0 ? (
        <Paragraph>{emptyText}</Paragraph>
      ) : (
        <ul className="ks-picker__chosen" aria-labelledby={`${id}-heading`}>
          {chosen.map((area) => (
            <li key={area.code}>
              <span>
                {area.name} <span className="ks-code">({area.code})</span>
              </span>
              <Button type="button" appearance="secondary-action-button" onClick={() => remove(area)}>
                {t.remove(area.name)}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {countText && <Paragraph>{countText}</Paragraph>}
      {isFull ? (
        <Paragraph>{t.full(max)}</Paragraph>
      ) : (
        <search className="ks-picker__search" aria-label={t.searchLandmark}>
          {levels.length > 1 && (
            <SelectField
              id={`${id}-level`}
              label={t.searchLevel}
              value={level}
              options={levels.map((option) => ({ value: option, label: levelTexts[option].label }))}
              onChange={(value) => setLevel(levels.find((option) => option === value) ?? level)}
            />
          )}
          {level !== 'land' && (
            <TextField
              id={`${id}-input`}
              label={t.searchLabel}
              description={t.searchDescription}
              value={input}
              onChange={setInput}
              autoComplete="off"
              spellCheck={false}
            />
          )}
          <output className="utrecht-paragraph ks-search__status" aria-live="polite">
            {level === 'land' ? '' : statusText(state)}
          </output>
          {items.length > 0 && (state.kind === 'done' || state.kind === 'searching') && (
            <ul className="ks-picker__results" aria-label={t.searchResults}>
              {items.map((area) => (
                <li key={area.code}>
                  <span>
                    {area.name} <span className="ks-code">({area.code})</span>
                  </span>
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    disabled={chosenCodes.has(area.code)}
                    onClick={() => add({ code: area.code, name: area.name, level: area.level })}
                  >
                    {t.add(area.name)}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </search>
      )}
      <output className="ks-visually-hidden" aria-live="polite">
        {announcement}
      </output>
    </div>
  );
}

/** What the live region says after a search: only outcomes, so a screen reader is not told every key. */
function statusText(state: SearchState): string {
  switch (state.kind) {
    case 'idle':
    case 'searching':
      return '';
    case 'too-short':
      return texts.search.tooShort;
    case 'error':
      return texts.search.error;
    case 'done':
      return state.count === 0 ? t.searchNone : t.searchCount(state.count);
  }
}
