/**
 * The council factsheet (PDF, A4, Dutch) of one area and period: key figures compared with the region, the
 * Netherlands and a comparison group, a map, trends, definitions, sources and the protection rule.
 * `renderFactsheet` draws already protected response data and does no I/O; `buildFactsheet` gathers that data
 * for the CLI (`ketenzicht report`) and the HTTP route.
 */
import { readFile } from 'node:fs/promises';
import { geoMercator, geoPath } from 'd3-geo';
import { schemeBlues } from 'd3-scale-chromatic';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import PDFDocument from 'pdfkit';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { ComparisonGroupKind, Measure } from '../../../shared/dashboards.ts';
import type { Unit } from '../../../shared/figures.ts';
import { NETHERLANDS_CODE } from '../../../shared/geography.ts';
import type { Db } from '../../db/client.ts';
import { NotFoundError } from '../../errors.ts';
import { REFERENCE_DATA_DIR } from '../geography/geography.reference.ts';
import { createGeographyRepo } from '../geography/geography.repo.ts';
import { createGeographyService } from '../geography/geography.service.ts';
import type {
  KeyFigure,
  MapItem,
  MapResponse,
  ProfileResponse,
  ProtectedFigure,
} from './dashboards.schemas.ts';
import type { DashboardsService } from './dashboards.service.ts';

/** Which gemeenten the map shows, and which of them are the factsheet's own area. */
export type FactsheetMapScope = {
  /** e.g. "Gemeenten in Veilig Thuis-regio Amsterdam-Amstelland". */
  label: string;
  /** Gemeenten to draw; null: every area of the map response. */
  areaCodes: string[] | null;
  /** Gemeenten outlined as the factsheet's area (the gemeente itself, or a province's gemeenten). */
  highlight: string[];
};

export type FactsheetInput = {
  profile: ProfileResponse;
  /** The map of the first key figure's indicator at gemeente level. */
  map: MapResponse;
  /** Gemeente boundaries as served at /api/boundaries/gemeente (TopoJSON, WGS84). */
  boundaries: Topology;
  /** Default: every area of the map, the profile's area outlined. */
  mapScope?: FactsheetMapScope;
  generatedAt: Date;
};

// ---------------------------------------------------------------------------------------------------------
// Text: Dutch formats, and only characters the built-in Helvetica (WinAnsi) can show

const integerFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const generatedFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** A shown figure in the response measure, as the factsheet prints it: "7,3", "1.234", "12,5%". */
export function formatFigureValue(value: number, measure: Measure, unit: Unit): string {
  if (measure === 'aantal') return integerFormat.format(value);
  if (measure === 'per1000') return decimalFormat.format(value);
  if (unit === 'percentage') return `${decimalFormat.format(value)}%`;
  if (unit === 'euro') return `€ ${integerFormat.format(value)}`;
  if (unit === 'aantal' && Number.isInteger(value)) return integerFormat.format(value);
  return decimalFormat.format(value);
}

const PROVISIONAL_MARK = '*';

function figureText(figure: ProtectedFigure, measure: Measure, unit: Unit): string {
  if (figure.status === 'afgeschermd') return 'afgeschermd';
  if (figure.status === 'geen gegevens' || figure.value === null) return 'geen gegevens';
  return `${formatFigureValue(figure.value, measure, unit)}${figure.provisional ? PROVISIONAL_MARK : ''}`;
}

function formatGeneratedAt(date: Date): string {
  return generatedFormat.format(date);
}

// WinAnsi = Latin-1 plus these; anything else would print as garbage in the standard fonts.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '≤': '<=',
  '≥': '>=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '→': '->',
  '≈': '~',
  '\u2009': ' ',
  '\u202f': ' ',
  '\t': ' ',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code === 10 ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
}

/** Text the standard PDF fonts can show: Dutch letters stay, other characters get a near ASCII stand-in. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) out += char;
    else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare !== char && [...bare].every(isWinAnsi) ? bare : '?';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Map classes (quantiles, as on the overview page) and colours

type ValueClass = { min: number; max: number; count: number };

/** At most `count` quantile classes of the shown values; classes that would be empty merge. */
export function quantileClasses(values: readonly number[], count = 5): ValueClass[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const quantile = (p: number) => {
    const h = (sorted.length - 1) * p;
    const low = Math.floor(h);
    const below = sorted[low] as number;
    return below + (h - low) * ((sorted[Math.min(low + 1, sorted.length - 1)] as number) - below);
  };
  const thresholds: number[] = [];
  for (let i = 1; i < count; i++) {
    const t = quantile(i / count);
    if (t > (sorted[0] as number) && t !== thresholds[thresholds.length - 1]) thresholds.push(t);
  }
  const classes: (ValueClass & { index: number })[] = [];
  for (const value of sorted) {
    const index = thresholds.filter((t) => t <= value).length;
    const last = classes[classes.length - 1];
    if (last && last.index === index) {
      last.max = value;
      last.count += 1;
    } else classes.push({ index, min: value, max: value, count: 1 });
  }
  return classes.map(({ min, max, count: n }) => ({ min, max, count: n }));
}

function classOf(value: number, classes: readonly ValueClass[]): number {
  let index = 0;
  classes.forEach((c, i) => {
    if (value >= c.min) index = i;
  });
  return index;
}

/** ColorBrewer Blues as on the overview map, without its lightest tint: on paper that reads as blank. */
function classColors(count: number): readonly string[] {
  const scheme = schemeBlues[Math.min(9, Math.max(3, count + 1))] ?? [];
  if (count === 1) return [scheme[2] as string];
  if (count === 2) return [scheme[1] as string, scheme[3] as string];
  return scheme.slice(1, count + 1);
}

const NO_DATA_COLOR = '#d4d4d4';
const HATCH_COLOR = '#6b6b6b';
const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#1f4e79';

// ---------------------------------------------------------------------------------------------------------
// Layout

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 50, left: 50, right: 50, bottom: 62 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Writes text into the document and its tag tree together, so a screen reader reads what is printed. */
class Writer {
  constructor(
    readonly doc: Doc,
    readonly section: Struct,
  ) {}

  private write(text: string, type: string, font: string, size: number, color: string, gap: number) {
    const { doc } = this;
    doc.font(font).fontSize(size).fillColor(color).text(toWinAnsi(text), MARGIN.left, doc.y, {
      width: CONTENT_WIDTH,
      structParent: this.section,
      structType: type,
    });
    doc.y += gap;
  }

  heading(text: string, level: 1 | 2 | 3) {
    const size = { 1: 16, 2: 12.5, 3: 10 }[level];
    this.ensureSpace(size * 3.2);
    if (level > 1) this.doc.y += level === 2 ? 8 : 3;
    this.write(text, `H${level}`, BOLD, size, level === 3 ? INK : ACCENT, level === 3 ? 1 : 4);
  }

  paragraph(text: string, options: { size?: number; color?: string; gap?: number } = {}) {
    this.write(text, 'P', FONT, options.size ?? 9, options.color ?? INK, options.gap ?? 3);
  }

  ensureSpace(height: number) {
    if (this.doc.y + height > BOTTOM) {
      this.doc.addPage();
      this.doc.y = MARGIN.top;
    }
  }

  /** Decoration that carries no content (rules, boxes): marked so screen readers skip it. */
  artifact(draw: () => void) {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  /** A drawing with its text alternative. */
  figure(alt: string, draw: () => void) {
    this.section.add(this.doc.struct('Figure', { alt: toWinAnsi(alt) }, draw));
  }
}

// ---------------------------------------------------------------------------------------------------------
// The document

export async function renderFactsheet(input: FactsheetInput): Promise<Buffer> {
  const { profile, generatedAt } = input;
  const title = `Factsheet huiselijk geweld en kindermishandeling — ${profile.area.name}, ${profile.periodLabel}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: toWinAnsi(title),
      Author: 'Ketenzicht',
      Subject: toWinAnsi(
        `Kerncijfers, vergelijking en trends van ${profile.area.name}, ${profile.periodLabel}`,
      ),
      Keywords: 'huiselijk geweld, kindermishandeling, Veilig Thuis, factsheet',
      Creator: 'Ketenzicht',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const section = doc.struct('Sect');
  doc.addStructure(section);
  const writer = new Writer(doc, section);
  doc.y = MARGIN.top;

  writeHeader(writer, input, title);
  writeKeyFigures(writer, profile);
  writeMap(writer, input);
  writeMembers(writer, profile);
  writeTrends(writer, profile);
  writeDefinitions(writer, profile);
  writeSourcesAndRules(writer, input);

  section.end();
  writeFooters(doc, input);
  doc.end();
  return finished;
}

function levelPrefix(level: ProfileResponse['area']['level']): string {
  return {
    gemeente: 'Gemeente ',
    veiligthuisregio: 'Veilig Thuis-regio ',
    provincie: 'Provincie ',
    land: '',
  }[level];
}

function writeHeader(writer: Writer, { profile, generatedAt }: FactsheetInput, title: string) {
  writer.heading(title, 1);
  const area = profile.area;
  writer.paragraph(
    `${levelPrefix(area.level)}${area.name} (${area.code}) · periode ${profile.periodLabel} · gegenereerd op ${formatGeneratedAt(generatedAt)}`,
    { color: MUTED, gap: 8 },
  );
  if (profile.syntheticData) {
    const { doc } = writer;
    const top = doc.y;
    const height = 40;
    writer.artifact(() => {
      doc.save().rect(MARGIN.left, top, CONTENT_WIDTH, height).fillAndStroke('#fff4ce', '#8a6d00').restore();
    });
    doc.y = top + 7;
    doc
      .font(BOLD)
      .fontSize(10.5)
      .fillColor(INK)
      .text('Let op: synthetische demogegevens', MARGIN.left + 10, doc.y, {
        width: CONTENT_WIDTH - 20,
        structParent: writer.section,
        structType: 'P',
      });
    doc
      .font(FONT)
      .fontSize(8.5)
      .text(
        toWinAnsi(
          'Deze cijfers zijn verzonnen om Ketenzicht te verkennen. Gebruik ze niet voor beleid of verantwoording.',
        ),
        MARGIN.left + 10,
        doc.y + 1,
        { width: CONTENT_WIDTH - 20, structParent: writer.section, structType: 'P' },
      );
    doc.y = top + height + 8;
  }
}

/** Comparison columns in the order the profile gives them (region, Nederland, group), once each. */
function comparisonColumns(profile: ProfileResponse): string[] {
  const { area, group } = profile;
  // A group of only the area itself (Nederland among all of Nederland) compares nothing.
  const onlyItself = group.areas.every((member) => member.code === area.code);
  const labels: string[] = [];
  for (const key of profile.keyFigures)
    for (const comparison of key.comparisons) {
      if (comparison.code === area.code || (onlyItself && comparison.label === group.label)) continue;
      if (!labels.includes(comparison.label)) labels.push(comparison.label);
    }
  return labels;
}

function writeKeyFigures(writer: Writer, profile: ProfileResponse) {
  const { doc } = writer;
  writer.heading('Kerncijfers', 2);
  const comparisons = comparisonColumns(profile);
  writer.paragraph(
    comparisons.length > 0
      ? `${profile.area.name} in ${profile.periodLabel}, vergeleken met ${comparisonSentence(profile)}.`
      : `${profile.area.name} in ${profile.periodLabel}.`,
  );
  const valueWidth = Math.min(82, (CONTENT_WIDTH - 150 - 56) / (comparisons.length + 1));
  const nameWidth = CONTENT_WIDTH - 56 - valueWidth * (comparisons.length + 1);
  const header = [
    'Indicator',
    profile.area.name,
    'Aantal',
    ...comparisons.map((label) => shortComparisonLabel(profile, label)),
  ].map((text) => ({ text: toWinAnsi(text), type: 'TH' as const, scope: 'Column', font: { src: BOLD } }));
  const rows = profile.keyFigures.map((key) => {
    const unit = key.indicator.unit;
    const byLabel = new Map(key.comparisons.map((c) => [c.label, c]));
    const count =
      key.measure === 'aantal' || key.area.count === null ? '' : integerFormat.format(key.area.count);
    return [
      {
        text: toWinAnsi(`${key.indicator.name}\n${measureCaption(key.measureLabel)}`),
        type: 'TH' as const,
        scope: 'Row',
      },
      { text: figureText(key.area, key.measure, unit), font: { src: BOLD } },
      { text: count },
      ...comparisons.map((label) => {
        const figure = byLabel.get(label);
        return { text: figure ? figureText(figure, key.measure, unit) : '' };
      }),
    ];
  });
  writer.ensureSpace(60);
  table(writer, {
    columns: [nameWidth, valueWidth, 56, ...comparisons.map(() => valueWidth)],
    align: ['left', 'right', 'right', ...comparisons.map(() => 'right' as const)],
    rows: [header, ...rows],
  });
  writer.paragraph(
    `${PROVISIONAL_MARK} voorlopig cijfer. "Aantal" is het aantal waarop een cijfer per 1.000 inwoners of een percentage berust. Afgeschermd: zie "Kleine aantallen" achteraan.`,
    { size: 7.5, color: MUTED, gap: 4 },
  );
  if (profile.group.description && comparisons.includes(profile.group.label))
    writer.paragraph(profile.group.description, { size: 7.5, color: MUTED });
  doc.y += 2;
}

/** Column heads stay short; the sentence above the table names each comparison in full. */
function shortComparisonLabel(profile: ProfileResponse, label: string): string {
  if (label === profile.group.label) return 'Vergelijkings-groep';
  const code = profile.keyFigures.flatMap((key) => key.comparisons).find((c) => c.label === label)?.code;
  if (code?.startsWith('VT')) return 'Veilig Thuis-regio';
  if (code?.startsWith('PV')) return 'Provincie';
  return label;
}

/** "%" alone under an indicator name reads badly. */
const measureCaption = (label: string) => (label === '%' ? 'percentage' : label);

function comparisonSentence(profile: ProfileResponse): string {
  const labels = comparisonColumns(profile);
  if (labels.length === 0) return 'geen andere gebieden';
  const groupIndex = labels.indexOf(profile.group.label);
  const codes = new Map(profile.keyFigures.flatMap((key) => key.comparisons).map((c) => [c.label, c.code]));
  const parts = labels.map((label, i) => {
    if (i === groupIndex)
      return `de vergelijkingsgroep "${label}" (${profile.group.areas.length} ${profile.area.level === 'gemeente' ? 'gemeenten' : 'gebieden'})`;
    const code = codes.get(label);
    if (code?.startsWith('VT') && !label.startsWith('Veilig Thuis')) return `Veilig Thuis-regio ${label}`;
    if (code?.startsWith('PV') && !label.startsWith('Provincie')) return `provincie ${label}`;
    return label;
  });
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}

type TableCell = {
  text: string;
  type?: 'TH' | 'TD';
  scope?: string;
  font?: { src?: string; size?: number };
};

/** A tagged table (TH/TD) in the document's structure, restarted with its header on a new page. */
function table(
  writer: Writer,
  spec: { columns: number[]; align: ('left' | 'right')[]; rows: TableCell[][]; size?: number },
) {
  const { doc } = writer;
  const size = spec.size ?? 8.5;
  doc.font(FONT).fontSize(size).fillColor(INK);
  const options = {
    structParent: writer.section,
    position: { x: MARGIN.left, y: doc.y },
    columnStyles: spec.columns.map((width, i) => ({
      width,
      align: { x: spec.align[i] ?? 'left', y: 'top' },
    })),
    defaultStyle: {
      border: { top: 0, left: 0, right: 0, bottom: 0.5 },
      borderColor: '#b5b5b5',
      padding: [3, 4, 3, 4],
      font: { size },
    },
    rowStyles: (row: number) =>
      row === 0 ? { backgroundColor: '#e8eef5', border: { bottom: 1 }, borderColor: ACCENT } : undefined,
    data: spec.rows.map((row) => row.map((cell) => ({ ...cell, text: toWinAnsi(cell.text) }))),
  };
  // structParent and scope are supported by pdfkit 0.20's tables but missing from @types/pdfkit.
  doc.table(options as unknown as PDFKit.Mixins.TableOptionsWithData);
  doc.x = MARGIN.left;
  doc.y += 4;
}

// ---- Map ----

type AreaProperties = { statcode?: string; statnaam?: string };

function boundaryCollection(topology: Topology): GeometryCollection<AreaProperties> | undefined {
  const object = Object.values(topology.objects)[0];
  return object?.type === 'GeometryCollection' ? (object as GeometryCollection<AreaProperties>) : undefined;
}

function boundaryFeatures(topology: Topology): Feature<Geometry, AreaProperties>[] {
  const collection = boundaryCollection(topology);
  if (!collection) return [];
  return (feature<AreaProperties>(topology, collection) as FeatureCollection<Geometry, AreaProperties>)
    .features;
}

/** The outer boundary of some areas together (a province rather than each of its gemeenten). */
function outlineOf(topology: Topology, codes: ReadonlySet<string>) {
  const collection = boundaryCollection(topology);
  if (!collection || codes.size === 0) return undefined;
  const geometries = collection.geometries.filter((geometry) => {
    const properties = geometry.properties as AreaProperties | undefined;
    return codes.has(properties?.statcode ?? String(geometry.id ?? ''));
  });
  return geometries.length > 0 ? merge(topology, geometries as Parameters<typeof merge>[1]) : undefined;
}

const codeOf = (f: Feature<Geometry, AreaProperties>) =>
  f.properties?.statcode ?? (typeof f.id === 'string' ? f.id : '');

function defaultScope({ profile, map }: FactsheetInput): FactsheetMapScope {
  const members = profile.members?.rows.map((row) => row.areaCode) ?? [];
  return {
    label: 'Gemeenten',
    areaCodes: null,
    highlight: map.items.some((item) => item.areaCode === profile.area.code) ? [profile.area.code] : members,
  };
}

function writeMap(writer: Writer, input: FactsheetInput) {
  const { doc } = writer;
  const { map, profile } = input;
  const scope = input.mapScope ?? defaultScope(input);
  const codes = new Set(scope.areaCodes ?? map.items.map((item) => item.areaCode));
  const features = boundaryFeatures(input.boundaries).filter((f) => codes.has(codeOf(f)));
  const items = new Map(map.items.map((item) => [item.areaCode, item]));
  const unit = map.indicator.unit;
  const format = (value: number) => formatFigureValue(value, map.measure, unit);

  writer.heading(`Kaart: ${map.indicator.name} ${map.measureLabel}, ${map.periodLabel}`, 2);
  writer.paragraph(
    `${scope.label}${scope.highlight.length > 0 ? `; ${profile.area.name} is dik omlijnd` : ''}. Nederland: ${figureText(map.reference, map.measure, unit)}.`,
  );
  if (features.length === 0) {
    writer.paragraph('Voor deze gebieden zijn geen kaartgrenzen beschikbaar.', { color: MUTED });
    return;
  }
  const shown = features
    .map((f) => items.get(codeOf(f)))
    .filter((item): item is MapItem => item?.status === 'getoond' && item.value !== null);
  const classes = quantileClasses(shown.map((item) => item.value as number));
  const colors = classColors(classes.length);
  const mapHeight = 230;
  writer.ensureSpace(mapHeight + 10);
  const box = { x: MARGIN.left, y: doc.y, width: 285, height: mapHeight };
  const collection: FeatureCollection<Geometry, AreaProperties> = { type: 'FeatureCollection', features };
  const projection = geoMercator().fitExtent(
    [
      [box.x + 2, box.y + 2],
      [box.x + box.width - 2, box.y + box.height - 2],
    ],
    collection,
  );
  const path = geoPath(projection).digits(2);
  const highlight = new Set(scope.highlight);
  const ownItem = items.get(profile.area.code);
  const counts = {
    shown: shown.length,
    hidden: features.filter((f) => items.get(codeOf(f))?.status === 'afgeschermd').length,
  };
  const alt =
    `Kaart: ${scope.label} (${features.length}), gekleurd naar ${map.indicator.name} ${map.measureLabel}, ${map.periodLabel}, in ${classes.length} klassen. ` +
    `${counts.shown} gemeenten met een cijfer, ${counts.hidden} afgeschermd, ${features.length - counts.shown - counts.hidden} zonder gegevens.` +
    (ownItem ? ` ${ownItem.areaName}: ${figureText(ownItem, map.measure, unit)}.` : '');

  writer.figure(alt, () => {
    for (const f of features) {
      const d = path(f);
      if (!d) continue;
      const item = items.get(codeOf(f));
      doc.save().lineWidth(0.4);
      if (item?.status === 'getoond' && item.value !== null) {
        doc.path(d).fillAndStroke(colors[classOf(item.value, classes)] as string, '#ffffff');
      } else if (item?.status === 'afgeschermd') {
        doc.path(d).fill('#ffffff');
        const [[x0, y0], [x1, y1]] = path.bounds(f);
        doc.save().path(d).clip();
        hatch(doc, x0, y0, x1 - x0, y1 - y0);
        doc.restore();
        doc.path(d).stroke('#9a9a9a');
      } else doc.path(d).fillAndStroke(NO_DATA_COLOR, '#ffffff');
      doc.restore();
    }
    const outline = outlineOf(input.boundaries, highlight);
    const d = outline && path(outline);
    if (d) doc.save().lineWidth(1.6).lineJoin('round').path(d).stroke(INK).restore();
  });

  // Legend beside the map: what each colour means, with the classes' ranges.
  const legend = { x: box.x + box.width + 20, y: box.y + 4, width: CONTENT_WIDTH - box.width - 20 };
  doc.y = legend.y;
  const entry = (label: string, swatch: (x: number, y: number) => void) => {
    const y = doc.y;
    writer.artifact(() => swatch(legend.x, y + 0.5));
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(INK)
      .text(toWinAnsi(label), legend.x + 20, y + 1, {
        width: legend.width - 20,
        structParent: writer.section,
        structType: 'P',
      });
    doc.y = Math.max(doc.y, y + 14) + 2;
  };
  doc
    .font(BOLD)
    .fontSize(9)
    .fillColor(INK)
    .text(toWinAnsi(`Legenda (${map.measureLabel})`), legend.x, doc.y, {
      width: legend.width,
      structParent: writer.section,
      structType: 'P',
    });
  doc.y += 4;
  classes.forEach((c, i) => {
    const range = format(c.min) === format(c.max) ? format(c.min) : `${format(c.min)} – ${format(c.max)}`;
    entry(`${range} (${c.count} ${c.count === 1 ? 'gemeente' : 'gemeenten'})`, (x, y) =>
      doc
        .save()
        .rect(x, y, 14, 10)
        .fill(colors[i] as string)
        .restore(),
    );
  });
  entry('afgeschermd', (x, y) => {
    doc.save().rect(x, y, 14, 10).clip();
    hatch(doc, x, y, 14, 10);
    doc.restore().save().lineWidth(0.5).rect(x, y, 14, 10).stroke('#9a9a9a').restore();
  });
  entry('geen gegevens', (x, y) => doc.save().rect(x, y, 14, 10).fill(NO_DATA_COLOR).restore());
  if (highlight.size > 0)
    entry(profile.area.name, (x, y) => doc.save().lineWidth(1.6).rect(x, y, 14, 10).stroke(INK).restore());
  doc.y += 4;
  doc
    .font(FONT)
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(
      toWinAnsi(
        'Klassen: kwantielen, ongeveer even veel gemeenten per klasse. Kaartgrenzen: CBS Gebiedsindelingen via PDOK (CC BY 4.0).',
      ),
      legend.x,
      doc.y,
      { width: legend.width, structParent: writer.section, structType: 'P' },
    );
  doc.x = MARGIN.left;
  doc.y = Math.max(doc.y, box.y + box.height) + 8;
}

function hatch(doc: Doc, x: number, y: number, width: number, height: number) {
  doc.lineWidth(0.5).strokeColor(HATCH_COLOR);
  for (let offset = -height; offset < width; offset += 3.5)
    doc
      .moveTo(x + offset, y + height)
      .lineTo(x + offset + height, y)
      .stroke();
}

// ---- Members of a region, province or the Netherlands ----

const MAX_MEMBER_ROWS = 60;
const MAX_MEMBER_COLUMNS = 4;

function writeMembers(writer: Writer, profile: ProfileResponse) {
  const members = profile.members;
  if (!members || members.rows.length === 0) return;
  writer.heading(`Gemeenten in ${profile.area.name}`, 2);
  if (members.rows.length > MAX_MEMBER_ROWS) {
    writer.paragraph(
      `${profile.area.name} telt ${members.rows.length} gemeenten; hun cijfers staan in Ketenzicht op de pagina van ${profile.area.name}.`,
    );
    return;
  }
  const columns = members.columns.slice(0, MAX_MEMBER_COLUMNS);
  const units = new Map(profile.keyFigures.map((key) => [key.indicator.code, key]));
  const width = (CONTENT_WIDTH - 110) / columns.length;
  table(writer, {
    columns: [110, ...columns.map(() => width)],
    align: ['left', ...columns.map(() => 'right' as const)],
    size: 8,
    rows: [
      [
        { text: 'Gemeente', type: 'TH', scope: 'Column', font: { src: BOLD } },
        ...columns.map((column) => ({
          text: `${column.name}\n${measureCaption(column.measureLabel)}`,
          type: 'TH' as const,
          scope: 'Column',
          font: { src: BOLD, size: 7.5 },
        })),
      ],
      ...members.rows.map((row) => [
        { text: row.areaName, type: 'TH' as const, scope: 'Row' },
        ...columns.map((column, i) => {
          const key = units.get(column.indicator);
          const figure = row.values[i];
          return {
            text: figure ? figureText(figure, key?.measure ?? 'waarde', key?.indicator.unit ?? 'aantal') : '',
          };
        }),
      ]),
    ],
  });
  if (members.columns.length > columns.length)
    writer.paragraph('De overige kerncijfers per gemeente staan in Ketenzicht.', {
      size: 7.5,
      color: MUTED,
    });
}

// ---- Trends ----

const CHART = { width: (CONTENT_WIDTH - 20) / 2, height: 118, gap: 20 };

function writeTrends(writer: Writer, profile: ProfileResponse) {
  const { doc } = writer;
  const keys = profile.keyFigures.filter((key) => key.trend.length > 0);
  if (keys.length === 0) return;
  writer.ensureSpace(CHART.height + 70);
  writer.heading(`Ontwikkeling van ${profile.area.name}`, 2);
  writer.paragraph(
    'Per kerncijfer de jaren tot en met de gekozen periode. Een open rondje is een voorlopig cijfer; een kruisje op de as is een afgeschermd jaar.',
  );
  for (let i = 0; i < keys.length; i += 2) {
    writer.ensureSpace(CHART.height + 6);
    const top = doc.y;
    keys.slice(i, i + 2).forEach((key, column) => {
      trendChart(writer, key, MARGIN.left + column * (CHART.width + CHART.gap), top, profile.area.name);
    });
    doc.x = MARGIN.left;
    doc.y = top + CHART.height + 6;
  }
}

/** Rounds up to 1, 2, 2.5 or 5 times a power of ten, for an axis maximum. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

function trendChart(writer: Writer, key: KeyFigure, x: number, y: number, areaName: string) {
  const { doc } = writer;
  const unit = key.indicator.unit;
  const format = (value: number) => formatFigureValue(value, key.measure, unit);
  doc
    .font(BOLD)
    .fontSize(8.5)
    .fillColor(INK)
    .text(toWinAnsi(`${key.indicator.name} (${measureCaption(key.measureLabel)})`), x, y, {
      width: CHART.width,
      height: 22,
      ellipsis: true,
      structParent: writer.section,
      structType: 'H3',
    });
  const points = key.trend;
  const plot = { x: x + 34, y: y + 24, width: CHART.width - 42, height: CHART.height - 48 };
  const shown = points.filter((p) => p.status === 'getoond' && p.value !== null);
  const max = niceCeiling(Math.max(0, ...shown.map((p) => p.value as number)));
  const px = (i: number) =>
    plot.x + (points.length === 1 ? plot.width / 2 : (i / (points.length - 1)) * plot.width);
  const py = (value: number) => plot.y + plot.height - (value / max) * plot.height;
  const described = points
    .map((p) =>
      p.status === 'getoond' && p.value !== null
        ? `${p.periodLabel}: ${format(p.value)}${p.provisional ? ' (voorlopig)' : ''}`
        : `${p.periodLabel}: ${p.status}`,
    )
    .join('; ');
  writer.figure(
    `Lijndiagram ${key.indicator.name} ${key.measureLabel} van ${areaName}. ${described}.`,
    () => {
      doc.save();
      // Axes and grid.
      doc.lineWidth(0.4).strokeColor('#c8c8c8');
      for (const fraction of [0, 0.5, 1]) {
        const gy = plot.y + plot.height - fraction * plot.height;
        doc
          .moveTo(plot.x, gy)
          .lineTo(plot.x + plot.width, gy)
          .stroke();
        doc
          .font(FONT)
          .fontSize(6.5)
          .fillColor(MUTED)
          .text(toWinAnsi(format(max * fraction)), x, gy - 3, {
            width: 30,
            align: 'right',
            lineBreak: false,
          });
      }
      points.forEach((p, i) => {
        doc
          .font(FONT)
          .fontSize(6.5)
          .fillColor(MUTED)
          .text(toWinAnsi(p.periodLabel), px(i) - 15, plot.y + plot.height + 4, {
            width: 30,
            align: 'center',
            lineBreak: false,
          });
      });
      // The line: solid between final figures, dashed into a provisional one, broken where a year is missing.
      doc.lineWidth(1.4).strokeColor(ACCENT);
      for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1], points[i]];
        if (!a || !b || a.value === null || b.value === null) continue;
        if (a.status !== 'getoond' || b.status !== 'getoond') continue;
        if (b.provisional) doc.dash(2.5, { space: 2 });
        doc
          .moveTo(px(i - 1), py(a.value))
          .lineTo(px(i), py(b.value))
          .stroke();
        doc.undash();
      }
      points.forEach((p, i) => {
        if (p.status === 'getoond' && p.value !== null) {
          if (p.provisional)
            doc.lineWidth(1.2).circle(px(i), py(p.value), 2.6).fillAndStroke('#ffffff', ACCENT);
          else doc.circle(px(i), py(p.value), 2.4).fill(ACCENT);
        } else if (p.status === 'afgeschermd') {
          const [cx, cy] = [px(i), plot.y + plot.height];
          doc
            .lineWidth(1)
            .strokeColor(HATCH_COLOR)
            .moveTo(cx - 2.5, cy - 2.5)
            .lineTo(cx + 2.5, cy + 2.5)
            .moveTo(cx - 2.5, cy + 2.5)
            .lineTo(cx + 2.5, cy - 2.5)
            .stroke();
        }
      });
      const last = [...points].reverse().find((p) => p.status === 'getoond' && p.value !== null);
      if (last && last.value !== null) {
        const index = points.indexOf(last);
        doc
          .font(BOLD)
          .fontSize(7)
          .fillColor(ACCENT)
          .text(toWinAnsi(format(last.value)), px(index) - 40, py(last.value) - 11, {
            width: 38,
            align: 'right',
            lineBreak: false,
          });
      }
      if (shown.length === 0)
        doc
          .font(FONT)
          .fontSize(7.5)
          .fillColor(MUTED)
          .text('Geen cijfers om te tonen', plot.x, plot.y + plot.height / 2 - 4, {
            width: plot.width,
            align: 'center',
            lineBreak: false,
          });
      doc.restore();
    },
  );
}

// ---- Definitions, sources, rules ----

function writeDefinitions(writer: Writer, profile: ProfileResponse) {
  writer.heading('Definities', 2);
  for (const key of profile.keyFigures) {
    writer.heading(key.indicator.name, 3);
    writer.paragraph(key.indicator.definition, { size: 8.5, gap: 1 });
    writer.paragraph(`Eenheid: ${measureCaption(key.measureLabel)}. Bron: ${key.indicator.sourceLabel}.`, {
      size: 8,
      color: MUTED,
      gap: 3,
    });
  }
}

function writeSourcesAndRules(writer: Writer, input: FactsheetInput) {
  const { profile, map } = input;
  writer.heading('Bronnen', 2);
  writer.paragraph('Bron: CBS (inwoners op 1 januari en de gemeentelijke indeling).');
  const bySource = new Map<string, string[]>();
  for (const key of profile.keyFigures) {
    const names = bySource.get(key.indicator.sourceLabel) ?? [];
    names.push(key.indicator.name);
    bySource.set(key.indicator.sourceLabel, names);
  }
  for (const [source, names] of bySource) writer.paragraph(`Bron: ${source} (${names.join(', ')}).`);
  const extra = [...new Set([...profile.sources, ...map.sources])];
  if (extra.length > 0) writer.paragraph(`Geleverd door: ${extra.join('; ')}.`, { color: MUTED });
  writer.paragraph('Kaartgrenzen: CBS Gebiedsindelingen via PDOK (CC BY 4.0).', { color: MUTED });

  writer.heading('Kleine aantallen', 2);
  const { threshold, roundTo } = map.protection;
  writer.paragraph(
    threshold > 0
      ? `Aantallen kleiner dan ${threshold} zijn afgeschermd, zodat niemand herkenbaar is. Cijfers per 1.000 inwoners en percentages die op zo'n aantal berusten, zijn ook afgeschermd, net als cijfers waaruit een afgeschermd aantal terug te rekenen is (bijvoorbeeld een regio min de andere gemeenten).`
      : 'Aantallen kleiner dan 5 zijn afgeschermd; voor dit kaartcijfer geldt geen afscherming.',
  );
  if (roundTo) writer.paragraph(`Aantallen zijn afgerond op veelvouden van ${roundTo}.`);
  writer.paragraph(
    `${PROVISIONAL_MARK} Voorlopige cijfers kunnen nog veranderen. Cijfers per 1.000 inwoners zijn berekend met het aantal inwoners op 1 januari van het jaar.`,
  );

  const notes = [...new Set([...profile.notes, ...map.notes])];
  if (notes.length > 0) {
    writer.heading('Toelichting', 2);
    for (const note of notes) writer.paragraph(note);
  }
}

function writeFooters(doc: Doc, { profile, generatedAt }: FactsheetInput) {
  const range = doc.bufferedPageRange();
  const line = toWinAnsi(
    `Ketenzicht · Factsheet ${profile.area.name}, ${profile.periodLabel} · gegenereerd op ${formatGeneratedAt(generatedAt)}`,
  );
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    const y = PAGE.height - 44;
    doc
      .save()
      .lineWidth(0.5)
      .moveTo(MARGIN.left, y - 6)
      .lineTo(PAGE.width - MARGIN.right, y - 6)
      .stroke('#b5b5b5')
      .restore();
    doc.font(FONT).fontSize(7.5).fillColor(MUTED);
    doc.text(line, MARGIN.left, y, {
      width: CONTENT_WIDTH - 80,
      height: 10,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(`Pagina ${i - range.start + 1} van ${range.count}`, PAGE.width - MARGIN.right - 80, y, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    if (profile.syntheticData)
      doc
        .font(BOLD)
        .fillColor('#8a6d00')
        .text('Synthetische demogegevens: geen echte cijfers.', MARGIN.left, y + 11, { lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Gathering the data (CLI and HTTP route)

/** What buildFactsheet needs of the dashboards service. */
export type FactsheetDataSource = Pick<DashboardsService, 'map' | 'profile'>;

export type FactsheetQuery = {
  area: string;
  period?: string;
  group?: ComparisonGroupKind;
  groupAreas?: string[];
};

let gemeenteBoundaries: Promise<Topology> | undefined;

/** The gemeente boundaries the map page uses (/api/boundaries/gemeente), read once per process. */
function loadGemeenteBoundaries(): Promise<Topology> {
  gemeenteBoundaries ??= readFile(`${REFERENCE_DATA_DIR}gemeente_2025.topojson`, 'utf8')
    .then((text) => JSON.parse(text) as Topology)
    .catch((error: unknown) => {
      gemeenteBoundaries = undefined;
      throw error;
    });
  return gemeenteBoundaries;
}

/** The map's gemeenten: a gemeente's Veilig Thuis-regio, a region itself, or all gemeenten with the province's outlined. */
async function mapScopeFor(db: Db, profile: ProfileResponse): Promise<FactsheetMapScope> {
  const geography = createGeographyService({ repo: createGeographyRepo(db) });
  const { area } = profile;
  if (area.level === 'land' || area.code === NETHERLANDS_CODE)
    return { label: 'Alle gemeenten van Nederland', areaCodes: null, highlight: [] };
  const detail = await geography.getArea(area.code, {});
  if (area.level === 'provincie')
    return {
      label: 'Alle gemeenten van Nederland',
      areaCodes: null,
      highlight: detail.children.map((child) => child.code),
    };
  if (area.level === 'veiligthuisregio')
    return {
      label: `Gemeenten in Veilig Thuis-regio ${area.name}`,
      areaCodes: detail.children.map((child) => child.code),
      highlight: [],
    };
  const region = detail.parents.find((parent) => parent.level === 'veiligthuisregio');
  if (!region) return { label: 'Alle gemeenten van Nederland', areaCodes: null, highlight: [area.code] };
  const regionDetail = await geography.getArea(region.code, {});
  return {
    label: `Gemeenten in Veilig Thuis-regio ${region.name}`,
    areaCodes: regionDetail.children.map((child) => child.code),
    highlight: [area.code],
  };
}

/** Gathers profile, map and boundaries for an area and period, and renders the factsheet. */
export async function buildFactsheet(
  db: Db,
  service: FactsheetDataSource,
  query: FactsheetQuery,
  now: Date = new Date(),
): Promise<{ pdf: Buffer; fileName: string }> {
  const profile = await service.profile(query.area, {
    ...(query.period ? { period: query.period } : {}),
    group: query.group ?? 'grootteklasse',
    ...(query.groupAreas ? { groupAreas: query.groupAreas } : {}),
  });
  const first = profile.keyFigures[0];
  if (!first)
    throw new NotFoundError(
      `Er zijn geen cijfers van ${profile.area.name} (${profile.area.code})${query.period ? ` in ${query.period}` : ''}; er is geen factsheet te maken.`,
    );
  const [map, boundaries, mapScope] = await Promise.all([
    service.map({
      indicator: first.indicator.code,
      period: profile.period,
      level: 'gemeente',
      measure: first.measure,
    }),
    loadGemeenteBoundaries(),
    mapScopeFor(db, profile),
  ]);
  const pdf = await renderFactsheet({ profile, map, boundaries, mapScope, generatedAt: now });
  return { pdf, fileName: `factsheet-${profile.area.code}-${profile.period}.pdf` };
}
