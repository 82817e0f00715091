// SPDX-License-Identifier: EUPL-1.2
import { useNavigate } from '@tanstack/react-router';
import { type FocusEvent, type MouseEvent, memo, useEffect, useMemo, useState } from 'react';
import { HatchPattern } from './hatch-pattern.tsx';
import type { ChoroplethArea, ChoroplethModel } from './logic/choropleth.ts';
import { HIDDEN_PATTERN_ID } from './logic/palette.ts';
import { relativePosition } from './logic/project.ts';

interface ChoroplethMapProps {
  model: ChoroplethModel;
  /** Accessible name of the map. */
  label: string;
  /** Id of the element that explains the map and how to use it with a keyboard. */
  describedBy: string;
}

interface AreaHandlers {
  focus(code: string): void;
  blur(): void;
  hover(code: string): void;
  leave(event: MouseEvent): void;
  open(href: string): void;
}

const TOOLTIP_CLASS = 'ks-map__tooltip';

/** Leaving an area for its own tooltip keeps the tooltip (WCAG 1.4.13: content on hover is hoverable). */
function isIntoTooltip(event: MouseEvent): boolean {
  return event.relatedTarget instanceof Element && event.relatedTarget.closest(`.${TOOLTIP_CLASS}`) !== null;
}

/**
 * An SVG choropleth. Every area is a link (keyboard-focusable, named "Amsterdam: 941.927 inwoners") to the
 * area's page; hovering or focusing an area outlines it and shows a tooltip that screen readers hear too.
 * Escape hides the tooltip (WCAG 1.4.13: dismissible).
 */
export function ChoroplethMap({ model, label, describedBy }: ChoroplethMapProps) {
  const navigate = useNavigate();
  const [focusedCode, setFocusedCode] = useState<string | null>(null);
  const [hoveredCode, setHoveredCode] = useState<string | null>(null);
  const [dismissedCode, setDismissedCode] = useState<string | null>(null);
  const byCode = useMemo(() => new Map(model.areas.map((area) => [area.code, area])), [model]);

  const handlers = useMemo<AreaHandlers>(
    () => ({
      focus: setFocusedCode,
      blur: () => setFocusedCode(null),
      hover: setHoveredCode,
      leave: (event) => {
        if (!isIntoTooltip(event)) setHoveredCode(null);
      },
      open: (href) => {
        void navigate({ href });
      },
    }),
    [navigate],
  );

  const focused = focusedCode ? byCode.get(focusedCode) : undefined;
  const hovered = hoveredCode ? byCode.get(hoveredCode) : undefined;
  const tooltipArea = hovered ?? focused;
  const isTooltipShown = tooltipArea !== undefined && tooltipArea.code !== dismissedCode;
  const highlighted = [focused, hovered].filter(
    (area, i, list): area is ChoroplethArea => area !== undefined && list.indexOf(area) === i,
  );

  useEffect(() => {
    if (!isTooltipShown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissedCode(tooltipArea.code);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [isTooltipShown, tooltipArea]);

  return (
    <div className="ks-map">
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; as a named group its links stay reachable, where role="img" would hide them. */}
      <svg
        className="ks-map__svg"
        viewBox={model.viewBox.join(' ')}
        role="group"
        aria-label={label}
        aria-describedby={describedBy}
      >
        <defs>
          <HatchPattern id={HIDDEN_PATTERN_ID} />
        </defs>
        <MapAreas areas={model.areas} handlers={handlers} />
        {highlighted.map((area) => (
          <g key={area.code} className="ks-map__highlight">
            <path d={area.d} className="ks-map__highlight-outer" />
            <path d={area.d} className="ks-map__highlight-inner" />
          </g>
        ))}
      </svg>
      <div className="ks-map__live" aria-live="polite">
        {isTooltipShown && (
          <MapTooltip
            area={tooltipArea}
            viewBox={model.viewBox}
            onMouseLeave={(event) => {
              const next = event.relatedTarget;
              if (!(next instanceof Element && next.closest('.ks-map__area'))) setHoveredCode(null);
            }}
          />
        )}
      </div>
    </div>
  );
}

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

const MapAreas = memo(function MapAreas({
  areas,
  handlers,
}: {
  areas: readonly ChoroplethArea[];
  handlers: AreaHandlers;
}) {
  const codeOf = (event: FocusEvent<Element> | MouseEvent<Element>) =>
    (event.currentTarget as SVGElement).dataset.code ?? '';
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const href = event.currentTarget.getAttribute('href');
    if (!href || event.defaultPrevented || !isPlainLeftClick(event)) return;
    event.preventDefault();
    handlers.open(href);
  };

  return (
    <g className="ks-map__areas">
      {areas.map((area) => (
        // Inside <svg> this is an SVG link: focusable, activated with Enter, named by aria-label.
        <a
          key={area.code}
          href={area.href}
          tabIndex={0}
          aria-label={area.label}
          className="ks-map__area"
          data-code={area.code}
          onClick={onClick}
          onFocus={(event) => handlers.focus(codeOf(event))}
          onBlur={handlers.blur}
          onMouseEnter={(event) => handlers.hover(codeOf(event))}
          onMouseLeave={handlers.leave}
        >
          <path d={area.d} fill={area.fill} />
        </a>
      ))}
    </g>
  );
});

const EDGE = 18;

interface MapTooltipProps {
  area: ChoroplethArea;
  viewBox: ChoroplethModel['viewBox'];
  onMouseLeave(event: MouseEvent): void;
}

function MapTooltip({ area, viewBox, onMouseLeave }: MapTooltipProps) {
  const { left, top } = relativePosition(area.centroid, viewBox);
  const placement = [
    top < EDGE ? `${TOOLTIP_CLASS}--below` : '',
    left < EDGE ? `${TOOLTIP_CLASS}--start` : left > 100 - EDGE ? `${TOOLTIP_CLASS}--end` : '',
  ].join(' ');
  return (
    // Positioned through the CSSOM (React's style prop), which a strict style-src CSP allows.
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering keeps the tooltip open; nothing to operate.
    <div
      className={`${TOOLTIP_CLASS} ${placement}`}
      style={{ left: `${left}%`, top: `${top}%` }}
      onMouseLeave={onMouseLeave}
    >
      <strong className="ks-map__tooltip-name">{area.name}</strong> <span>{area.valueText}</span>
    </div>
  );
}
