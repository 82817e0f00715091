/** Invariants of the shipped reference geography, on both database engines. */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../src/server/db/client.ts';
import { loadReferenceGeography } from '../src/server/modules/geography/geography.reference.ts';
import { createGeographyRepo } from '../src/server/modules/geography/geography.repo.ts';
import { createGeographyService } from '../src/server/modules/geography/geography.service.ts';
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from './support/database.ts';

/** The error (or its cause, as Drizzle wraps driver errors) names the constraint that refused the row. */
const violates = (constraint: string) => (error: unknown) => {
  const text = (value: unknown): string =>
    value instanceof Error
      ? `${value.message} ${(value as { constraint?: string }).constraint ?? ''} ${text(value.cause)}`
      : '';
  return text(error).includes(constraint);
};

describe.each(TEST_ENGINES)('reference geography on %s', (engine) => {
  let database: TestDatabase;
  let service: ReturnType<typeof createGeographyService>;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
    service = createGeographyService({ repo: createGeographyRepo(database.db), today: () => '2026-11-29' });
  });
  afterEach(async () => database?.close());

  const count = async (query: ReturnType<typeof sql>) =>
    Number((await selectRows<{ n: number }>(database.db, query))[0]?.n);

  it('has 342 gemeenten, 25 Veilig Thuis-regio’s and 12 provincies on 2025-01-01', async () => {
    expect((await service.listAreas({ level: 'gemeente', year: 2025 })).length).toBe(342);
    expect((await service.listAreas({ level: 'veiligthuisregio', year: 2025 })).length).toBe(25);
    expect((await service.listAreas({ level: 'provincie', year: 2025 })).length).toBe(12);
    expect((await service.listAreas({ level: 'land', year: 2025 })).map((area) => area.code)).toEqual([
      'NL01',
    ]);
  });

  it('puts every gemeente in exactly one region and one province on a date', async () => {
    for (const date of ['2025-01-01', '2026-01-01', '2026-11-29']) {
      const wrong = await selectRows<{ code: string; level: string; n: number }>(
        database.db,
        sql`select g.code, l.level, count(m.id)::int as n
            from area g cross join (values ('provincie'), ('veiligthuisregio')) as l(level)
            left join area_membership m on m.child_code = g.code and m.parent_level = l.level
              and m.valid_from <= ${date} and (m.valid_to is null or m.valid_to > ${date})
            where g.level = 'gemeente' and g.valid_from <= ${date} and (g.valid_to is null or g.valid_to > ${date})
            group by g.code, l.level having count(m.id) <> 1`,
      );
      expect(wrong, `gemeenten without exactly one parent per level on ${date}`).toEqual([]);
    }
    // Memberships only point at parents of the level they claim.
    expect(
      await count(sql`select count(*)::int as n from area_membership m join area p on p.code = m.parent_code
                      where p.level <> m.parent_level`),
    ).toBe(0);
  });

  it('counts 18,130,208 inhabitants in the Netherlands on 2026-01-01, equal to the sum of every level', async () => {
    for (const level of ['land', 'provincie', 'veiligthuisregio', 'gemeente'] as const) {
      expect(await service.totalPopulation(level, 2026), level).toBe(18_130_208);
    }
    const netherlands = await service.getArea('NL01');
    expect(netherlands.population).toEqual([{ referenceDate: '2026-01-01', inhabitants: 18_130_208 }]);
    expect(netherlands.children).toHaveLength(342);
  });

  it('adds up each region from its own gemeenten', async () => {
    for (const region of await service.listAreas({ level: 'veiligthuisregio', year: 2026 })) {
      const members = await service.listAreas({ level: 'gemeente', parent: region.code, year: 2026 });
      expect(members.length, region.code).toBeGreaterThan(0);
      expect(
        members.reduce((sum, member) => sum + (member.population ?? 0), 0),
        region.code,
      ).toBe(region.population);
    }
  });

  it('places Amsterdam (GM0363) in VT01 Amsterdam-Amstelland and PV27 Noord-Holland', async () => {
    const amsterdam = await service.getArea('GM0363');
    expect(amsterdam).toMatchObject({ name: 'Amsterdam', level: 'gemeente', validTo: null });
    expect(amsterdam.parents).toEqual([
      { code: 'PV27', name: 'Noord-Holland', level: 'provincie' },
      { code: 'VT01', name: 'Amsterdam-Amstelland', level: 'veiligthuisregio' },
      { code: 'NL01', name: 'Nederland', level: 'land' },
    ]);
    expect(amsterdam.population).toEqual([{ referenceDate: '2026-01-01', inhabitants: 941_927 }]);
  });

  it('finds gemeenten without regard to diacritics or case', async () => {
    const found = await service.listAreas({ level: 'gemeente', q: 'SUDWEST' });
    expect(found.map((area) => area.name)).toEqual(['Súdwest-Fryslân']);
    expect((await service.listAreas({ level: 'gemeente', q: '%' })).length).toBe(0);
    expect((await service.listAreas({ level: 'gemeente', q: 'den haag' })).map((area) => area.name)).toEqual([
      "'s-Gravenhage",
    ]);
    expect((await service.listAreas({ level: 'gemeente', q: 'Den Bosch' })).map((area) => area.code)).toEqual(
      ['GM0796'],
    );
    expect(
      (await service.listAreas({ level: 'gemeente', q: "'s-" })).map((area) => area.code).sort(),
    ).toEqual(['GM0518', 'GM0796']);
  });

  it('keeps merged gemeenten with their dates, so old figures can be placed', async () => {
    const weesp = await service.getArea('GM0457');
    expect(weesp).toMatchObject({ name: 'Weesp', validTo: '2022-03-24' });
    expect(
      (await service.listAreas({ level: 'gemeente', year: 2022, q: 'weesp' })).map((a) => a.code),
    ).toEqual(['GM0457']);
    expect(await service.listAreas({ level: 'gemeente', year: 2023, q: 'weesp' })).toEqual([]);
    // Voorne aan Zee exists from 2023 only; on 1 January 2022 its three predecessors did.
    expect(await service.listAreas({ level: 'gemeente', year: 2022, q: 'voorne aan zee' })).toEqual([]);
    expect((await service.listAreas({ level: 'gemeente', year: 2022, q: 'brielle' })).length).toBe(1);
    const mergers = await service.listMergers();
    expect(mergers.length).toBeGreaterThanOrEqual(50);
    expect(mergers).toContainEqual(
      expect.objectContaining({ oldCode: 'GM0501', newCode: 'GM1992', effectiveDate: '2023-01-01' }),
    );
  });

  it('loads the reference data once: a second load changes nothing', async () => {
    const before = await count(sql`select count(*)::int as n from area`);
    const again = await loadReferenceGeography(database.db);
    expect(again.loaded).toBe(false);
    expect(await count(sql`select count(*)::int as n from area`)).toBe(before);
  });

  it('refuses population for a date other than 1 January and negative counts', async () => {
    await expect(
      database.db.execute(
        sql`insert into population (area_code, reference_date, inhabitants, source) values ('GM0363', '2026-07-01', 1, 't')`,
      ),
    ).rejects.toSatisfy(violates('population_on_first_of_january'));
    await expect(
      database.db.execute(
        sql`insert into population (area_code, reference_date, inhabitants, source) values ('GM0363', '2027-01-01', -1, 't')`,
      ),
    ).rejects.toSatisfy(violates('population_not_negative'));
  });
});
