// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import type { Merger, MergerLink } from '../api/types.ts';
import {
  formatShare,
  groupMergersByDate,
  mergerNotice,
  mergerTableCaption,
  predecessorSection,
  shareNote,
  todayIso,
} from './mergers.ts';

const link = (code: string, name: string, effectiveDate: string, populationShare: number | null = 1) =>
  ({ code, name, effectiveDate, populationShare }) satisfies MergerLink;

const TODAY = '2026-06-01';

describe('formatShare and shareNote', () => {
  it('writes a share as a Dutch percentage', () => {
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.255)).toBe('25,5%');
    expect(shareNote(0.25)).toBe('25% van de inwoners');
  });

  it('says so when the share is unknown', () => {
    expect(formatShare(null)).toBeNull();
    expect(shareNote(null)).toBe('aandeel onbekend');
  });
});

describe('todayIso', () => {
  it('gives the local calendar date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('mergerNotice', () => {
  it('is absent for a gemeente that exists and has no merger ahead', () => {
    expect(mergerNotice({ validTo: null, successors: [] }, TODAY)).toBeNull();
  });

  it('names the one gemeente a former gemeente went into, inline and without a share', () => {
    const notice = mergerNotice(
      { validTo: '2022-03-24', successors: [link('GM0363', 'Amsterdam', '2022-03-24')] },
      TODAY,
    );
    expect(notice).toEqual({
      isPast: true,
      lead: 'Deze gemeente bestaat niet meer sinds 24 maart 2022 (herindeling).',
      successorIntro: 'Ze is opgegaan in',
      layout: 'inline',
      successors: [{ code: 'GM0363', name: 'Amsterdam', note: null }],
    });
  });

  it('lists every successor of a split in name order, with "aandeel onbekend" or the share', () => {
    const notice = mergerNotice(
      {
        validTo: '2021-01-01',
        successors: [
          link('GM0865', 'Vught', '2021-01-01', null),
          link('GM0757', 'Boxtel', '2021-01-01', 0.25),
          link('GM0855', 'Tilburg', '2021-01-01', null),
          link('GM0824', 'Oisterwijk', '2021-01-01', null),
        ],
      },
      TODAY,
    );
    expect(notice?.layout).toBe('list');
    expect(notice?.successorIntro).toBe('Ze is verdeeld over deze 4 gemeenten:');
    expect(notice?.successors).toEqual([
      { code: 'GM0757', name: 'Boxtel', note: '25% van de inwoners' },
      { code: 'GM0824', name: 'Oisterwijk', note: 'aandeel onbekend' },
      { code: 'GM0855', name: 'Tilburg', note: 'aandeel onbekend' },
      { code: 'GM0865', name: 'Vught', note: 'aandeel onbekend' },
    ]);
  });

  it('speaks of the future for a herindeling still to come', () => {
    const notice = mergerNotice(
      { validTo: '2027-01-01', successors: [link('GM0001', 'Nieuwstad', '2027-01-01')] },
      TODAY,
    );
    expect(notice).toMatchObject({
      isPast: false,
      lead: 'Deze gemeente bestaat vanaf 1 januari 2027 niet meer (herindeling).',
      successorIntro: 'Ze gaat dan op in',
    });
  });

  it('counts the day itself as past: validTo is the first day the gemeente no longer exists', () => {
    expect(mergerNotice({ validTo: TODAY, successors: [] }, TODAY)?.isPast).toBe(true);
  });

  it('says only that the gemeente ended when no merger is on record', () => {
    expect(mergerNotice({ validTo: '2020-01-01', successors: [] }, TODAY)).toEqual({
      isPast: true,
      lead: 'Deze gemeente bestaat niet meer sinds 1 januari 2020.',
      successorIntro: null,
      layout: 'inline',
      successors: [],
    });
  });

  it('falls back on the merger date when validTo is missing', () => {
    const notice = mergerNotice(
      { validTo: null, successors: [link('GM0363', 'Amsterdam', '2022-03-24')] },
      TODAY,
    );
    expect(notice?.lead).toBe('Deze gemeente bestaat niet meer sinds 24 maart 2022 (herindeling).');
  });
});

describe('predecessorSection', () => {
  it('is absent without predecessors', () => {
    expect(predecessorSection({ name: 'Utrecht', validFrom: '2018-01-01', predecessors: [] })).toBeNull();
  });

  it('tells a new gemeente what it was formed from', () => {
    const section = predecessorSection({
      name: 'Voorne aan Zee',
      validFrom: '2023-01-01',
      predecessors: [
        link('GM0614', 'Westvoorne', '2023-01-01'),
        link('GM0501', 'Brielle', '2023-01-01'),
        link('GM0530', 'Hellevoetsluis', '2023-01-01'),
      ],
    });
    expect(section).toEqual({
      heading: 'Ontstaan uit',
      groups: [
        {
          date: '2023-01-01',
          isFormation: true,
          intro: 'Voorne aan Zee is op 1 januari 2023 ontstaan uit deze 3 gemeenten:',
          predecessors: [
            { code: 'GM0501', name: 'Brielle', note: null },
            { code: 'GM0530', name: 'Hellevoetsluis', note: null },
            { code: 'GM0614', name: 'Westvoorne', note: null },
          ],
        },
      ],
    });
  });

  it('tells an existing gemeente which gemeenten went into it, per date, oldest first', () => {
    const section = predecessorSection({
      name: 'Amsterdam',
      validFrom: '2018-01-01',
      predecessors: [link('GM0457', 'Weesp', '2022-03-24'), link('GM0999', 'Ergens', '2019-01-01', null)],
    });
    expect(section?.heading).toBe('Heringedeeld');
    expect(section?.groups.map((group) => group.intro)).toEqual([
      'Op 1 januari 2019 is deze gemeente opgegaan in Amsterdam:',
      'Op 24 maart 2022 is deze gemeente opgegaan in Amsterdam:',
    ]);
    expect(section?.groups[0]?.predecessors).toEqual([
      { code: 'GM0999', name: 'Ergens', note: 'aandeel onbekend' },
    ]);
  });
});

describe('groupMergersByDate and mergerTableCaption', () => {
  const merger = (oldName: string, newName: string, effectiveDate: string): Merger => ({
    oldCode: `GM${oldName.length}`,
    oldName,
    newCode: `GM${newName.length}`,
    newName,
    effectiveDate,
    populationShare: 1,
    isNewCodeCreated: false,
    source: 'test',
  });

  it('puts the newest herindeling first, and per date orders by new and then old name', () => {
    const groups = groupMergersByDate([
      merger('Haren', 'Groningen', '2019-01-01'),
      merger('Weesp', 'Amsterdam', '2022-03-24'),
      merger('Ten Boer', 'Groningen', '2019-01-01'),
      merger('Bedum', 'Het Hogeland', '2019-01-01'),
    ]);
    expect(groups.map((group) => group.date)).toEqual(['2022-03-24', '2019-01-01']);
    expect(groups[1]?.mergers.map((m) => `${m.oldName} → ${m.newName}`)).toEqual([
      'Haren → Groningen',
      'Ten Boer → Groningen',
      'Bedum → Het Hogeland',
    ]);
  });

  it('captions the table with the number of herindelingen and the years they span', () => {
    expect(
      mergerTableCaption([
        merger('a', 'b', '2019-01-01'),
        merger('c', 'd', '2023-01-01'),
        merger('e', 'f', '2021-01-01'),
      ]),
    ).toBe('Alle 3 herindelingen van 2019 tot en met 2023, de nieuwste eerst');
    expect(mergerTableCaption([merger('a', 'b', '2022-01-01'), merger('c', 'd', '2022-03-24')])).toBe(
      'Alle 2 herindelingen in 2022, de nieuwste eerst',
    );
    expect(mergerTableCaption([merger('a', 'b', '2022-01-01')])).toBe('De herindeling van 2022');
  });
});
