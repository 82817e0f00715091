// SPDX-License-Identifier: EUPL-1.2
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading,
  Textbox,
} from '@utrecht/component-library-react';
import { type FormEvent, useId, useState } from 'react';
import { areasQuery } from '../api/queries.ts';
import { AreaLink } from '../components/area-link.tsx';
import { areaPath } from '../lib/area-paths.ts';
import { texts } from '../texts.ts';
import { isSearchable, normaliseQuery, type SearchState, searchStatusText } from './logic/search-status.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

const DEBOUNCE_MS = 250;
const t = texts.search;

/** Search gemeenten by (part of) their name as you type; results are links, and their count is announced. */
export function GemeenteSearch() {
  const id = useId();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const query = normaliseQuery(useDebouncedValue(input, DEBOUNCE_MS));
  const enabled = isSearchable(query);
  const result = useQuery({
    ...areasQuery({ level: 'gemeente', q: query }),
    enabled,
    placeholderData: keepPreviousData,
  });

  const items = enabled ? (result.data?.items ?? []) : [];
  const state: SearchState = (() => {
    if (normaliseQuery(input) === '') return { kind: 'idle' };
    if (!isSearchable(input)) return { kind: 'too-short' };
    if (result.isError) return { kind: 'error' };
    if (!enabled || result.isFetching || normaliseQuery(input) !== query) return { kind: 'searching' };
    return { kind: 'done', count: items.length, query };
  })();
  const showResults = state.kind === 'done' || (state.kind === 'searching' && items.length > 0);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const [only] = items;
    if (state.kind === 'done' && items.length === 1 && only)
      void navigate({ href: areaPath(only.level, only.code) });
  };

  return (
    <search className="ks-search" aria-labelledby={`${id}-heading`}>
      <Heading level={2} id={`${id}-heading`}>
        {t.heading}
      </Heading>
      <form onSubmit={onSubmit} className="ks-search__form">
        <FormField
          label={<FormLabel htmlFor={`${id}-input`}>{t.label}</FormLabel>}
          description={<FormFieldDescription id={`${id}-description`}>{t.description}</FormFieldDescription>}
          input={
            <Textbox
              id={`${id}-input`}
              type="search"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-description ${id}-status`}
              aria-controls={`${id}-results`}
              value={input}
              onChange={(event) => setInput(event.target.value)}
            />
          }
        />
      </form>
      <output id={`${id}-status`} className="utrecht-paragraph ks-search__status" aria-live="polite">
        {searchStatusText(state)}
      </output>
      <ul
        id={`${id}-results`}
        className="ks-search__results"
        aria-label={t.resultsLabel}
        hidden={!showResults}
      >
        {items.map((area) => (
          <li key={area.code}>
            <AreaLink area={area}>{area.name}</AreaLink>
          </li>
        ))}
      </ul>
    </search>
  );
}
