/**
 * Downloads of what a dashboard shows: the same protected figures, as CSV for Excel or as XLSX with a sheet of
 * definitions and sources. Text that a spreadsheet would run as a formula (=, +, -, @) is neutralised.
 */
import ExcelJS from 'exceljs';
import type { MapResponse, ProfileResponse, ProtectedFigure, SeriesResponse } from './dashboards.schemas.ts';

export type ExportColumn = { header: string; kind: 'text' | 'number' };
export type ExportTable = {
  title: string;
  fileName: string;
  columns: ExportColumn[];
  rows: Array<Array<string | number | null>>;
  definitions: Array<{ term: string; text: string }>;
  notes: string[];
  sources: string[];
  generatedAt: string;
  syntheticData: boolean;
};

const SYNTHETIC_WARNING = 'Let op: synthetische demogegevens, geen echte cijfers.';

/** Text a spreadsheet would read as a formula gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The cell a figure shows: its value, or why there is none. */
export function figureCell(figure: ProtectedFigure): string | number | null {
  if (figure.status === 'afgeschermd') return 'afgeschermd';
  if (figure.value === null) return null;
  return figure.value;
}

const statusText = (figure: ProtectedFigure) =>
  figure.status === 'getoond' ? (figure.provisional ? 'voorlopig' : 'definitief') : figure.status;

/** Numbers as the pages show them: whole numbers as they are, others to one decimal. */
export const shownNumber = (value: number) => (Number.isInteger(value) ? value : Math.round(value * 10) / 10);

const dutchNumber = (value: number) => String(shownNumber(value)).replace('.', ',');

export function toCsv(table: ExportTable): string {
  const cell = (value: string | number | null) => {
    if (value === null) return '';
    const text = typeof value === 'number' ? dutchNumber(value) : neutraliseFormula(value);
    return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    table.columns.map((column) => cell(column.header)).join(';'),
    ...table.rows.map((row) => row.map(cell).join(';')),
    '',
    ...[
      table.title,
      ...(table.syntheticData ? [SYNTHETIC_WARNING] : []),
      ...table.sources,
      ...table.notes,
      `Gemaakt op ${formatInstant(table.generatedAt)} met Ketenzicht`,
    ].map((text) => cell(text)),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ketenzicht';
  workbook.created = new Date(table.generatedAt);
  const sheet = workbook.addWorksheet('Cijfers');
  sheet.addRow(table.columns.map((column) => column.header)).font = { bold: true };
  for (const row of table.rows)
    sheet.addRow(
      row.map((value, index) =>
        value === null
          ? null
          : typeof value === 'number' && table.columns[index]?.kind === 'number'
            ? shownNumber(value)
            : neutraliseFormula(String(value)),
      ),
    );
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  table.columns.forEach((column, index) => {
    const target = sheet.getColumn(index + 1);
    target.width = column.kind === 'number' ? 14 : 28;
    if (column.kind === 'number') target.numFmt = '#,##0.####';
  });

  const about = workbook.addWorksheet('Definities en bronnen');
  about.getColumn(1).width = 30;
  about.getColumn(2).width = 110;
  about.addRow([neutraliseFormula(table.title)]).font = { bold: true, size: 13 };
  if (table.syntheticData)
    about.addRow([SYNTHETIC_WARNING]).font = { bold: true, color: { argb: 'FFB00020' } };
  about.addRow([]);
  about.addRow(['Begrip', 'Definitie']).font = { bold: true };
  for (const definition of table.definitions)
    about.addRow([neutraliseFormula(definition.term), neutraliseFormula(definition.text)]);
  about.addRow([]);
  about.addRow(['Bronnen']).font = { bold: true };
  for (const source of table.sources) about.addRow([neutraliseFormula(source)]);
  about.addRow([]);
  about.addRow(['Toelichting']).font = { bold: true };
  for (const note of table.notes) about.addRow([neutraliseFormula(note)]);
  about.addRow([]);
  about.addRow([`Gemaakt op ${formatInstant(table.generatedAt)} met Ketenzicht`]);
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

const STATUS_DEFINITIONS = [
  {
    term: 'afgeschermd',
    text: 'Het cijfer is verborgen omdat het een klein aantal is, of omdat een klein aantal eruit af te leiden zou zijn.',
  },
  { term: 'geen gegevens', text: 'Er is geen cijfer geleverd, of een deel ontbreekt om het te berekenen.' },
  { term: 'voorlopig', text: 'Het cijfer kan nog veranderen.' },
];

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function mapTable(response: MapResponse): ExportTable {
  const rate = response.funnel.length > 0;
  const columns: ExportColumn[] = [
    { header: 'Code', kind: 'text' },
    { header: 'Gebied', kind: 'text' },
    { header: `${response.indicator.name} (${response.measureLabel})`, kind: 'number' },
    { header: 'Status', kind: 'text' },
    ...(rate
      ? ([
          { header: 'Aantal', kind: 'number' },
          { header: 'Noemer', kind: 'number' },
          { header: 'Ondergrens 95%', kind: 'number' },
          { header: 'Bovengrens 95%', kind: 'number' },
          { header: 'Vergeleken met Nederland', kind: 'text' },
        ] as ExportColumn[])
      : []),
    { header: 'Rang', kind: 'number' },
  ];
  const rows = response.items.map((item) => [
    item.areaCode,
    item.areaName,
    figureCell(item),
    statusText(item),
    ...(rate
      ? [item.count, item.base, item.interval?.low ?? null, item.interval?.high ?? null, item.comparison]
      : []),
    item.rank,
  ]);
  return {
    title: `${response.indicator.name}, ${response.measureLabel}, per ${response.level}, ${response.periodLabel}`,
    fileName: `${slug(response.indicator.name)}-${response.level}-${response.period}`,
    columns,
    rows,
    definitions: [
      { term: response.indicator.name, text: response.indicator.definition },
      ...STATUS_DEFINITIONS,
    ],
    notes: response.notes,
    sources: response.sources,
    generatedAt: response.generatedAt,
    syntheticData: response.syntheticData,
  };
}

export function profileTable(response: ProfileResponse): ExportTable {
  const comparisonLabels = [
    ...new Set(
      response.keyFigures.flatMap((figure) => figure.comparisons.map((comparison) => comparison.label)),
    ),
  ];
  const columns: ExportColumn[] = [
    { header: 'Indicator', kind: 'text' },
    { header: 'Eenheid', kind: 'text' },
    { header: response.area.name, kind: 'number' },
    { header: 'Status', kind: 'text' },
    ...comparisonLabels.map((label) => ({ header: label, kind: 'number' }) as ExportColumn),
  ];
  const rows = response.keyFigures.map((figure) => [
    figure.indicator.name,
    figure.measureLabel,
    figureCell(figure.area),
    statusText(figure.area),
    ...comparisonLabels.map((label) => {
      const comparison = figure.comparisons.find((candidate) => candidate.label === label);
      return comparison ? figureCell(comparison) : null;
    }),
  ]);
  return {
    title: `Profiel ${response.area.name}, ${response.periodLabel}`,
    fileName: `profiel-${slug(response.area.name)}-${response.period}`,
    columns,
    rows,
    definitions: [
      ...response.keyFigures.map((figure) => ({
        term: figure.indicator.name,
        text: figure.indicator.definition,
      })),
      { term: response.group.label, text: response.group.description },
      ...STATUS_DEFINITIONS,
    ],
    notes: response.notes,
    sources: response.sources,
    generatedAt: response.generatedAt,
    syntheticData: response.syntheticData,
  };
}

export function seriesTable(response: SeriesResponse): ExportTable {
  const periods = response.series[0]?.points.map((point) => point.periodLabel) ?? [];
  const columns: ExportColumn[] = [
    { header: 'Code', kind: 'text' },
    { header: 'Gebied', kind: 'text' },
    ...periods.map((label) => ({ header: label, kind: 'number' }) as ExportColumn),
  ];
  const rows = response.series.map((series) => [
    series.areaCode,
    series.areaName,
    ...series.points.map((point) => figureCell(point)),
  ]);
  return {
    title: `${response.indicator.name}, ${response.measureLabel}${response.division === 'huidig' ? ', op huidige indeling' : ''}`,
    fileName: `${slug(response.indicator.name)}-vergelijking`,
    columns,
    rows,
    definitions: [
      { term: response.indicator.name, text: response.indicator.definition },
      ...STATUS_DEFINITIONS,
    ],
    notes: [...(response.method ? [response.method] : []), ...response.notes],
    sources: response.sources,
    generatedAt: response.generatedAt,
    syntheticData: response.syntheticData,
  };
}
