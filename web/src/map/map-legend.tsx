// SPDX-License-Identifier: EUPL-1.2
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { texts } from '../texts.ts';
import { HatchPattern } from './hatch-pattern.tsx';
import type { LegendEntry } from './logic/choropleth.ts';

interface MapLegendProps {
  entries: readonly LegendEntry[];
  /** What the colours stand for, e.g. "Aantal inwoners op 1 januari 2026. Indeling in …". */
  note: string;
  headingLevel: number;
}

export function MapLegend({ entries, note, headingLevel }: MapLegendProps) {
  const headingId = useId();
  // A fragment id for url(#…): keep to characters that need no escaping.
  const patternId = `ks-hatch-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <section className="ks-legend" aria-labelledby={headingId}>
      <Heading level={headingLevel} id={headingId} className="ks-legend__heading">
        {texts.map.legendHeading}
      </Heading>
      <Paragraph className="ks-legend__reference">{note}</Paragraph>
      <ul className="ks-legend__list">
        {entries.map((entry) => (
          <li key={entry.label} className="ks-legend__item">
            <svg className="ks-legend__swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">
              {entry.pattern === 'hatch' && (
                <defs>
                  <HatchPattern id={patternId} />
                </defs>
              )}
              <rect
                x="0.5"
                y="0.5"
                width="23"
                height="15"
                fill={entry.pattern === 'hatch' ? `url(#${patternId})` : entry.color}
                stroke="#1a1a1a"
              />
            </svg>
            <span>{entry.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
