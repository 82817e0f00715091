// SPDX-License-Identifier: EUPL-1.2
/**
 * Municipal mergers (herindelingen) as the web app tells them: the notice on a former gemeente's page, the
 * gemeenten a gemeente was formed from, and the order of the table of all mergers. Pure functions; the
 * components only render what these return.
 */
import { compareAreaNames } from '../../../src/shared/geography.ts';
import type { AreaDetail, Merger, MergerLink } from '../api/types.ts';
import { texts } from '../texts.ts';
import { formatDate } from './format.ts';

const t = texts.mergers;

const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

/** 1 → "100%", 0.255 → "25,5%"; null (unknown) → null. */
export function formatShare(share: number | null): string | null {
  return share === null ? null : percentFormat.format(share);
}

/** What a list item says about the share of inhabitants: "25% van de inwoners" or "aandeel onbekend". */
export function shareNote(share: number | null): string {
  const formatted = formatShare(share);
  return formatted === null ? t.shareUnknown : t.shareKnown(formatted);
}

/** Today's calendar date in the browser's time zone, as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A gemeente on the other side of a merger, with what to say about it after its name (or nothing). */
export interface MergerPartner {
  code: string;
  name: string;
  note: string | null;
}

export interface MergerNotice {
  /** The gemeente no longer exists (true) or a herindeling on record will end it (false). */
  isPast: boolean;
  /** "Deze gemeente bestaat niet meer sinds 24 maart 2022 (herindeling)." */
  lead: string;
  /** "Ze is opgegaan in" (one successor, inline) or "Ze is verdeeld over deze 4 gemeenten:" (a list). */
  successorIntro: string | null;
  layout: 'inline' | 'list';
  successors: MergerPartner[];
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareAreaNames(a.name, b.name);
}

function earliest(dates: readonly string[]): string | undefined {
  return dates.reduce<string | undefined>(
    (min, date) => (min === undefined || date < min ? date : min),
    undefined,
  );
}

/**
 * The notice at the top of a gemeente's page when a herindeling ended it (or will): null for a gemeente that
 * exists and has no merger ahead. The date is the first day it no longer exists (`validTo`); a split names
 * every successor with its share of the inhabitants, "aandeel onbekend" when the source does not give it.
 */
export function mergerNotice(
  area: Pick<AreaDetail, 'validTo' | 'successors'>,
  today: string,
): MergerNotice | null {
  const date = area.validTo ?? earliest(area.successors.map((successor) => successor.effectiveDate));
  if (date === undefined) return null;
  const isPast = date <= today;
  const formatted = formatDate(date);
  const successors = [...area.successors].sort(byName);
  const hasMerger = successors.length > 0;
  const lead = isPast ? t.noticeGone(formatted, hasMerger) : t.noticeGoing(formatted, hasMerger);

  if (successors.length === 0) {
    return { isPast, lead, successorIntro: null, layout: 'inline', successors: [] };
  }
  if (successors.length === 1) {
    const [only] = successors as [MergerLink];
    return {
      isPast,
      lead,
      successorIntro: isPast ? t.mergedInto : t.willMergeInto,
      layout: 'inline',
      successors: [
        {
          code: only.code,
          name: only.name,
          note: only.populationShare === 1 ? null : shareNote(only.populationShare),
        },
      ],
    };
  }
  return {
    isPast,
    lead,
    successorIntro: isPast ? t.splitOver(successors.length) : t.willSplitOver(successors.length),
    layout: 'list',
    successors: successors.map((successor) => ({
      code: successor.code,
      name: successor.name,
      note: shareNote(successor.populationShare),
    })),
  };
}

export interface PredecessorGroup {
  date: string;
  /** The gemeente came into being on this date (`validFrom`), rather than taking in others. */
  isFormation: boolean;
  /** "Voorne aan Zee is op 1 januari 2023 ontstaan uit deze 3 gemeenten:" */
  intro: string;
  predecessors: MergerPartner[];
}

export interface PredecessorSection {
  heading: string;
  groups: PredecessorGroup[];
}

/**
 * The gemeenten that went into this one, per date (oldest first). A merger on the day the gemeente begins
 * formed it ("ontstaan uit"); a later one added gemeenten to it ("opgegaan in"). Null without predecessors.
 */
export function predecessorSection(
  area: Pick<AreaDetail, 'name' | 'validFrom' | 'predecessors'>,
): PredecessorSection | null {
  if (area.predecessors.length === 0) return null;
  const byDate = new Map<string, MergerLink[]>();
  for (const link of area.predecessors) {
    byDate.set(link.effectiveDate, [...(byDate.get(link.effectiveDate) ?? []), link]);
  }
  const groups = [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, links]): PredecessorGroup => {
      const isFormation = date === area.validFrom;
      const formatted = formatDate(date);
      return {
        date,
        isFormation,
        intro: isFormation
          ? t.formedFrom(area.name, formatted, links.length)
          : t.joinedBy(area.name, formatted, links.length),
        predecessors: [...links].sort(byName).map((link) => ({
          code: link.code,
          name: link.name,
          note: link.populationShare === 1 ? null : shareNote(link.populationShare),
        })),
      };
    });
  const heading = groups.every((group) => group.isFormation) ? t.formedFromHeading : t.joinedByHeading;
  return { heading, groups };
}

export interface MergerDateGroup {
  date: string;
  mergers: Merger[];
}

/** All mergers grouped by the date they took effect, newest first; per date by new, then old name. */
export function groupMergersByDate(items: readonly Merger[]): MergerDateGroup[] {
  const byDate = new Map<string, Merger[]>();
  for (const merger of items) {
    byDate.set(merger.effectiveDate, [...(byDate.get(merger.effectiveDate) ?? []), merger]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([date, mergers]) => ({
      date,
      mergers: [...mergers].sort(
        (a, b) => compareAreaNames(a.newName, b.newName) || compareAreaNames(a.oldName, b.oldName),
      ),
    }));
}

/** The caption of the table of all mergers: how many, over which years, in which order. */
export function mergerTableCaption(items: readonly Pick<Merger, 'effectiveDate'>[]): string {
  const years = items.map((merger) => Number(merger.effectiveDate.slice(0, 4)));
  if (years.length === 0) return t.captionEmpty;
  return t.caption(items.length, Math.min(...years), Math.max(...years));
}
