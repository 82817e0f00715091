// SPDX-License-Identifier: EUPL-1.2
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { texts } from '../texts.ts';
import type { LegendEntry } from './logic/choropleth.ts';

interface MapLegendProps {
  entries: readonly LegendEntry[];
  /** Formatted reference date, e.g. "1 januari 2026". */
  referenceDate: string;
  headingLevel: number;
}

export function MapLegend({ entries, referenceDate, headingLevel }: MapLegendProps) {
  const headingId = useId();
  return (
    <section className="ks-legend" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId} className="ks-legend__heading">
        {texts.map.legendHeading}
      </Heading>
      <Paragraph className="ks-legend__reference">{texts.map.legendReference(referenceDate)}</Paragraph>
      <ul className="ks-legend__list">
        {entries.map((entry) => (
          <li key={entry.label} className="ks-legend__item">
            <svg className="ks-legend__swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">
              <rect x="0.5" y="0.5" width="23" height="15" fill={entry.color} stroke="#1a1a1a" />
            </svg>
            <span>{entry.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
