/** The council factsheet read back as text, as pdftotext (a reader, a search engine) sees it. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FactsheetInput, quantileClasses, renderFactsheet, toWinAnsi } from './dashboards.factsheet.ts';
import {
  type MapResponse,
  mapResponse,
  type ProfileResponse,
  profileResponse,
} from './dashboards.schemas.ts';

const run = promisify(execFile);
const FIXTURES = path.resolve('test/fixtures/dashboards');
const GENERATED_AT = new Date('2026-11-29T10:15:00Z'); // 11:15 in Amsterdam (winter time)

let folder: string;
let profile: ProfileResponse;
let map: MapResponse;
let boundaries: Topology;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ketenzicht-factsheet-'));
  const json = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as unknown;
  // The fixtures must be what the API contract allows, or the test proves nothing about real responses.
  profile = profileResponse.parse(await json(path.join(FIXTURES, 'profile-GM0437-2024.json')));
  map = mapResponse.parse(await json(path.join(FIXTURES, 'map-vt_meldingen-VT01-2024.json')));
  boundaries = (await json(path.resolve('reference-data/gemeente_2025.topojson'))) as Topology;
});
afterAll(async () => rm(folder, { recursive: true, force: true }));

let counter = 0;
async function render(overrides: Partial<FactsheetInput> = {}) {
  const pdf = await renderFactsheet({ profile, map, boundaries, generatedAt: GENERATED_AT, ...overrides });
  const file = path.join(folder, `factsheet-${++counter}.pdf`);
  await writeFile(file, pdf);
  const text = (await run('pdftotext', ['-layout', file, '-'])).stdout;
  const info = (await run('pdfinfo', ['-isodates', file])).stdout;
  return { pdf, text, info, flat: text.replace(/-\n\s*/g, '-').replace(/\s+/g, ' ') };
}

/** The /Alt entries of the structure tree, literal or UTF-16 hex strings. */
function altTexts(pdf: string): string[] {
  return [...pdf.matchAll(/\/Alt (?:\(((?:[^()\\]|\\.)*)\)|<([0-9A-Fa-f]+)>)/g)].map(([, literal, hex]) =>
    literal !== undefined
      ? literal.replace(/\\(.)/g, '$1')
      : Buffer.from(hex ?? '', 'hex')
          .swap16()
          .toString('utf16le')
          .replace(/^\uFEFF/, ''),
  );
}

const nl1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('renderFactsheet', () => {
  let result: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    result = await render();
  });

  it('is an A4 PDF titled with the area and period, tagged, in Dutch, dated when it was generated', () => {
    expect(result.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.info).toContain(
      'Title:           Factsheet huiselijk geweld en kindermishandeling — Ouder-Amstel, 2024',
    );
    expect(result.info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(result.info).toMatch(/Tagged:\s+yes/);
    expect(result.info).toMatch(/CreationDate:\s+2026-11-29T10:15:00/);
    const catalogue = result.pdf.toString('latin1');
    expect(catalogue).toContain('/Lang (nl-NL)');
    expect(catalogue).toContain('/DisplayDocTitle true');
    // The map and every trend chart carry a text alternative; the key figures are a real table.
    expect(catalogue.match(/\/S \/Figure/g)).toHaveLength(1 + profile.keyFigures.length);
    const alts = altTexts(catalogue);
    expect(alts).toHaveLength(1 + profile.keyFigures.length);
    expect(alts[0]).toContain(
      'Kaart: Gemeenten (6), gekleurd naar Meldingen Veilig Thuis per 1.000 inwoners',
    );
    expect(alts[0]).toContain(
      '4 gemeenten met een cijfer, 1 afgeschermd, 1 zonder gegevens. Ouder-Amstel: 6,4*.',
    );
    expect(alts[1]).toContain('2018: 5,8; 2019: 6,1;');
    expect(alts[1]).toContain('2024: 6,4 (voorlopig)');
    expect(catalogue).toMatch(/\/S \/Table/);
    expect(result.flat).toContain('Factsheet huiselijk geweld en kindermishandeling — Ouder-Amstel, 2024');
    expect(result.flat).toContain('gegenereerd op 29 november 2026 om 11:15');
  });

  it('shows each key figure with its comparisons in Dutch number format, in the right columns', () => {
    // Region, Nederland and the group, in the order of the profile.
    expect(result.text).toMatch(
      /Indicator\s+Ouder-Amstel\s+Aantal\s+Veilig Thuis-\s+Nederland\s+Vergelijkings-/,
    );
    expect(result.text).toMatch(/Meldingen Veilig Thuis\s+6,4\*\s+93\s+8,2\*\s+7,1\*\s+6,0\*/);
    expect(result.text).toMatch(/Afgeronde onderzoeken\s+1,3\s+19\s+1,6\s+1,4\s+1,2\n/);
    expect(result.text).toMatch(/Aandeel acuut onveilig\s+12,5%\s+11\s+14,2%\s+13,1%\s+11,8%/);
    // A count above 999 gets a thousands separator; hidden figures say so instead of showing a number.
    expect(result.text).toMatch(/Tijdelijke huisverboden opgelegd\s+afgeschermd\s+212\s+2\.917\s+246/);
    expect(result.text).toMatch(/Aandeel hermeldingen\s+afgeschermd\s+39,4%\s+38,1%\s+36,7%/);
    for (const key of profile.keyFigures) {
      if (key.area.value === null) continue;
      const shown =
        key.indicator.unit === 'percentage' ? `${nl1.format(key.area.value)}%` : nl1.format(key.area.value);
      expect(result.text).toMatch(
        new RegExp(`${escapeRegExp(key.indicator.name)}\\s+${escapeRegExp(shown)}`),
      );
    }
    expect(result.flat).toContain('* voorlopig cijfer');
    expect(result.flat).toContain(
      'vergeleken met Veilig Thuis-regio Amsterdam-Amstelland, Nederland en de vergelijkingsgroep "Gemeenten met minder dan 20.000 inwoners" (2 gemeenten)',
    );
  });

  it('has a map legend with the classes, "afgeschermd" and "geen gegevens", and names the outlined area', () => {
    // Shown values 6,4 6,8 7,3 8,6: four classes of one gemeente each.
    expect(result.flat).toContain('Kaart: Meldingen Veilig Thuis per 1.000 inwoners, 2024');
    for (const value of ['6,4', '6,8', '7,3', '8,6']) expect(result.flat).toContain(`${value} (1 gemeente)`);
    expect(result.text).toMatch(/^\s+afgeschermd$/m);
    expect(result.text).toMatch(/^\s+geen gegevens$/m);
    expect(result.flat).toContain('Ouder-Amstel is dik omlijnd. Nederland: 7,1*.');
  });

  it('has a trend chart per key figure, definitions, sources and the protection rule', () => {
    expect(result.flat).toContain('Ontwikkeling van Ouder-Amstel');
    for (const key of profile.keyFigures) {
      // The chart title, and the definition in full.
      expect(result.flat).toContain(key.indicator.name);
      expect(result.flat).toContain(key.indicator.definition.replace(/\s+/g, ' ').slice(0, 120));
    }
    expect(result.flat).toContain('Bron: CBS (inwoners op 1 januari');
    expect(result.flat).toContain(
      'Bron: Veilig Thuis (Meldingen Veilig Thuis, Adviezen Veilig Thuis, Afgeronde onderzoeken, Aandeel acuut onveilig, Aandeel hermeldingen)',
    );
    expect(result.flat).toContain('Bron: Politie (Politie-incidenten huiselijk geweld)');
    expect(result.flat).toContain('Bron: Gemeente (Tijdelijke huisverboden opgelegd)');
    expect(result.flat).toContain('Aantallen kleiner dan 5 zijn afgeschermd');
    expect(result.flat).toContain('Cijfers van 2024 zijn voorlopig.');
  });

  it('numbers its pages and warns on every page that the demo figures are synthetic', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(result.info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) expect(result.flat).toContain(`Pagina ${page} van ${pages}`);
    expect(result.flat).not.toContain(`Pagina ${pages + 1} van`);
    expect(result.flat).toContain('Let op: synthetische demogegevens');
    expect(result.flat.match(/Synthetische demogegevens: geen echte cijfers\./g)).toHaveLength(pages);
  });

  it('leaves the synthetic warning out for real figures', async () => {
    const real = await render({ profile: { ...profile, syntheticData: false } });
    expect(real.flat).not.toMatch(/synthetische demogegevens/i);
  });

  it('prints Dutch place names as written, and keeps the document date fixed', async () => {
    const renamed = await render({
      profile: { ...profile, area: { ...profile.area, name: 'Súdwest-Fryslân ≥ één' } },
      generatedAt: new Date('2025-07-01T22:30:00Z'),
    });
    expect(renamed.flat).toContain('— Súdwest-Fryslân >= één, 2024');
    expect(renamed.flat).toContain('gegenereerd op 2 juli 2025 om 00:30');
    expect(renamed.info).toMatch(/CreationDate:\s+2025-07-01T22:30:00/);
  });

  it('compares Nederland with nothing rather than with itself', async () => {
    const itself = { code: 'NL01', name: 'Nederland' };
    const national = await render({
      profile: {
        ...profile,
        area: { ...itself, level: 'land' },
        group: { ...profile.group, label: 'Nederland', areas: [itself] },
        keyFigures: profile.keyFigures.map((key) => ({
          ...key,
          comparisons: [{ ...key.area, code: null, label: 'Nederland' }],
        })),
      },
    });
    expect(national.flat).toContain(
      'Nederland in 2024. Indicator Nederland Aantal Meldingen Veilig Thuis 6,4* 93',
    );
    expect(national.flat).not.toContain('Vergelijkings');
  });

  it('says so when no boundary matches the map', async () => {
    const elsewhere = await render({ mapScope: { label: 'Nergens', areaCodes: ['GM9999'], highlight: [] } });
    expect(elsewhere.flat).toContain('Voor deze gebieden zijn geen kaartgrenzen beschikbaar.');
    expect(elsewhere.pdf.toString('latin1').match(/\/S \/Figure/g)).toHaveLength(profile.keyFigures.length);
  });
});

describe('toWinAnsi', () => {
  it('keeps what Helvetica can show and replaces the rest', () => {
    expect(toWinAnsi('ë é ï â — – ‘’ “” … €')).toBe('ë é ï â — – ‘’ “” … €');
    expect(toWinAnsi('≤ 5 en ≥ 10, −3')).toBe('<= 5 en >= 10, -3');
    expect(toWinAnsi('Ŝ ŷ')).toBe('S y');
    expect(toWinAnsi('e\u0301')).toBe('é');
    expect(toWinAnsi('😀 ✓')).toBe('? ?');
  });
});

describe('quantileClasses', () => {
  it('splits values into classes of about equal size, merging classes that would be empty', () => {
    expect(quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([
      { min: 1, max: 2, count: 2 },
      { min: 3, max: 4, count: 2 },
      { min: 5, max: 6, count: 2 },
      { min: 7, max: 8, count: 2 },
      { min: 9, max: 10, count: 2 },
    ]);
    expect(quantileClasses([1, 1, 1, 10])).toEqual([
      { min: 1, max: 1, count: 3 },
      { min: 10, max: 10, count: 1 },
    ]);
    expect(quantileClasses([])).toEqual([]);
  });
});
