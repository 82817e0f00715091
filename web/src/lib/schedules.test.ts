// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SCHEDULE } from '../../../src/shared/cases.ts';
import type { SessionUser } from '../api/types.ts';
import {
  canUndoImport,
  importHistoryCaption,
  importKindText,
  importStatusText,
  initialRegion,
  type MomentRow,
  mayEditSchedules,
  momentFieldName,
  momentsFromRows,
  momentWindowText,
  newMomentRow,
  rowLabel,
  rowsFromMoments,
  savedText,
  scheduleKindText,
  scheduleText,
  undoResultText,
} from './schedules.ts';

function user(memberships: Array<Partial<SessionUser['memberships'][number]>>, isAdmin = false): SessionUser {
  return {
    id: 'u1',
    email: 'a@b.nl',
    displayName: 'A',
    isAdmin,
    memberships: memberships.map((m, index) => ({
      organisationId: index + 1,
      organisationName: `Organisatie ${index + 1}`,
      organisationKind: 'gemeente',
      areaCode: null,
      role: 'lezer',
      ...m,
    })),
  };
}

describe('schedule texts', () => {
  it('writes the default schedule as the table shows it', () => {
    expect(scheduleText(DEFAULT_FOLLOW_UP_SCHEDULE)).toBe(
      '+3 mnd: 14 dagen ervoor, 30 dagen erna; +12 mnd: 30 dagen ervoor, 60 dagen erna',
    );
  });

  it('sorts the moments and says "1 dag" in the singular', () => {
    expect(
      scheduleText([
        { months: 12, daysBefore: 30, daysAfter: 90 },
        { months: 3, daysBefore: 1, daysAfter: 0 },
      ]),
    ).toBe('+3 mnd: 1 dag ervoor, 0 dagen erna; +12 mnd: 30 dagen ervoor, 90 dagen erna');
    expect(momentWindowText({ months: 6, daysBefore: 120, daysAfter: 1 })).toBe(
      '+6 mnd: 120 dagen ervoor, 1 dag erna',
    );
  });

  it('names the kind of schedule and the result of a save', () => {
    expect(scheduleKindText(false)).toBe('standaard');
    expect(scheduleKindText(true)).toBe('eigen schema');
    expect(savedText(0)).toBe('Opgeslagen; 0 huishoudens herberekend.');
    expect(savedText(1)).toBe('Opgeslagen; 1 huishouden herberekend.');
    expect(savedText(1234)).toBe('Opgeslagen; 1.234 huishoudens herberekend.');
  });
});

describe('who gets the edit form', () => {
  it('is a beheerder or a regiocoördinator; anyone else or nobody signed in is not', () => {
    expect(mayEditSchedules(null)).toBe(false);
    expect(mayEditSchedules(user([], true))).toBe(true);
    expect(mayEditSchedules(user([{ role: 'regiocoordinator', areaCode: 'GM0363' }]))).toBe(true);
    expect(mayEditSchedules(user([{ role: 'lezer' }, { role: 'casusregie' }]))).toBe(false);
  });

  it('opens on the region of a regiocoördinator membership, if one is a region', () => {
    const regions = [{ region: 'VT01' }, { region: 'VT13' }, { region: 'VT14' }];
    expect(initialRegion(user([{ role: 'regiocoordinator', areaCode: 'VT13' }]), regions)).toBe('VT13');
    // A gemeente is no region; a lezer of a region does not count.
    expect(
      initialRegion(
        user([
          { role: 'regiocoordinator', areaCode: 'GM0363' },
          { role: 'lezer', areaCode: 'VT01' },
        ]),
        regions,
      ),
    ).toBe('');
    expect(initialRegion(null, regions)).toBe('');
  });
});

describe('the rows of the form', () => {
  const rows = rowsFromMoments([
    { months: 12, daysBefore: 30, daysAfter: 60 },
    { months: 6, daysBefore: 10, daysAfter: 10 },
    { months: 3, daysBefore: 14, daysAfter: 30 },
  ]);

  it('are sorted, with +3 and +12 fixed', () => {
    expect(rows).toEqual([
      { id: 1, fixed: true, months: '3', daysBefore: '14', daysAfter: '30' },
      { id: 2, fixed: false, months: '6', daysBefore: '10', daysAfter: '10' },
      { id: 3, fixed: true, months: '12', daysBefore: '30', daysAfter: '60' },
    ]);
    expect(rows.map((row) => rowLabel(rows, row))).toEqual([
      '+3 maanden',
      'extra meetmoment 1',
      '+12 maanden',
    ]);
  });

  it('get a new row with a fresh id, counted among the extras', () => {
    const added = newMomentRow(rows);
    expect(added).toEqual({ id: 4, fixed: false, months: '', daysBefore: '14', daysAfter: '30' });
    const next = [...rows, added];
    expect(rowLabel(next, added)).toBe('extra meetmoment 2');
    // Ids are not reused after a row is removed.
    const removed = next.filter((row) => row.id !== 2);
    expect(newMomentRow(removed).id).toBe(5);
    expect(rowLabel(removed, added)).toBe('extra meetmoment 1');
  });

  it('give the moments to send, trimmed, in the order of the form', () => {
    const edited: MomentRow[] = rows.map((row) => (row.id === 3 ? { ...row, daysAfter: ' 90 ' } : row));
    expect(momentsFromRows(edited)).toEqual({
      moments: [
        { months: 3, daysBefore: 14, daysAfter: 30 },
        { months: 6, daysBefore: 10, daysAfter: 10 },
        { months: 12, daysBefore: 30, daysAfter: 90 },
      ],
      errors: [],
    });
  });

  it('refuse what is no whole number in range, field by field, and leave overlaps to the server', () => {
    const edited: MomentRow[] = [
      { id: 1, fixed: true, months: '3', daysBefore: '', daysAfter: '-1' },
      { id: 2, fixed: false, months: '61', daysBefore: '2,5', daysAfter: '121' },
      { id: 3, fixed: true, months: '12', daysBefore: '120', daysAfter: '0' },
    ];
    const { moments, errors } = momentsFromRows(edited);
    expect(moments).toEqual([]);
    expect(errors.map((error) => error.field)).toEqual([
      momentFieldName(1, 'daysBefore'),
      momentFieldName(1, 'daysAfter'),
      momentFieldName(2, 'months'),
      momentFieldName(2, 'daysBefore'),
      momentFieldName(2, 'daysAfter'),
    ]);
    expect(errors[0]?.message).toBe(
      '+3 maanden: vul het aantal dagen vóór het meetmoment in als heel getal van 0 tot en met 120.',
    );
    expect(errors[2]?.message).toBe(
      'Extra meetmoment 1: vul het aantal maanden na de overdracht in als heel getal van 1 tot en met 60.',
    );
    // Overlapping windows pass here: the server names that rule.
    const overlapping = momentsFromRows([
      ...rowsFromMoments(DEFAULT_FOLLOW_UP_SCHEDULE),
      { id: 9, fixed: false, months: '6', daysBefore: '90', daysAfter: '30' },
    ]);
    expect(overlapping.errors).toEqual([]);
    expect(overlapping.moments).toHaveLength(3);
  });
});

describe('the case import history', () => {
  const base = { synthetic: false, undoOf: null, undoneBy: null };

  it('says what each record is and whether it still stands', () => {
    expect(importKindText('import')).toBe('Aanlevering');
    expect(importKindText('undo')).toBe('Terugdraaiing');
    expect(importStatusText({ ...base, id: 4, kind: 'import' })).toBe('geïmporteerd');
    expect(importStatusText({ ...base, id: 4, kind: 'import', undoneBy: 7 })).toBe('teruggedraaid door 7');
    expect(importStatusText({ ...base, id: 7, kind: 'undo', undoOf: 4 })).toBe('draait 4 terug');
    expect(importStatusText({ ...base, id: 2, kind: 'import', synthetic: true })).toBe(
      'geïmporteerd; synthetisch',
    );
  });

  it('offers undo only for an import that stands', () => {
    expect(canUndoImport({ ...base, id: 4, kind: 'import' })).toBe(true);
    expect(canUndoImport({ ...base, id: 4, kind: 'import', undoneBy: 7 })).toBe(false);
    expect(canUndoImport({ ...base, id: 7, kind: 'undo', undoOf: 4 })).toBe(false);
  });

  it('writes the result of an undo and the caption', () => {
    expect(undoResultText({ importId: 5, restored: 2, withdrawn: 3 })).toBe(
      'Aanlevering 5 is teruggedraaid: 2 casussen hersteld, 3 ingetrokken.',
    );
    expect(undoResultText({ importId: 5, restored: 1, withdrawn: 0 })).toBe(
      'Aanlevering 5 is teruggedraaid: 1 casus hersteld, 0 ingetrokken.',
    );
    expect(importHistoryCaption(1)).toBe('1 aanlevering of terugdraaiing');
    expect(importHistoryCaption(12)).toBe('12 aanleveringen en terugdraaiingen, de nieuwste eerst');
  });
});
