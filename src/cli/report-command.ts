/**
 * `ketenzicht report`: the council factsheet (PDF) of one area and period. Reads the database directly, or asks
 * the running server for the same PDF when it holds the data folder. Registered by main.ts.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadConfig } from '../server/config.ts';
import type { Db } from '../server/db/client.ts';
import { isDataDirLocked, readServerUrl } from '../server/db/data-dir-lock.ts';
import { UserError } from '../server/errors.ts';
import { COMPARISON_GROUPS, type ComparisonGroupKind } from '../shared/dashboards.ts';

type Deps = { withDatabase(work: (db: Db) => Promise<void>): Promise<void> };

type ReportOptions = {
  area: string;
  period?: string;
  group: ComparisonGroupKind;
  groupAreas?: string;
  out?: string;
};

export function registerReportCommand(program: Command, deps: Deps): void {
  program
    .command('report')
    .description('write the council factsheet (PDF) of an area and period: map, key figures, trends, sources')
    .requiredOption('--area <code>', 'gemeente, Veilig Thuis-regio, provincie or NL01, e.g. GM0363')
    .option('--period <code>', 'a year, e.g. 2024JJ00 (default: the latest year with figures)')
    .addOption(
      new Option('--group <kind>', 'comparison group of a gemeente')
        .choices(COMPARISON_GROUPS)
        .default('grootteklasse'),
    )
    .option('--group-areas <codes>', 'with --group eigen: comma-separated gemeente codes')
    .option('--out <file>', 'PDF file to write (default: factsheet-<area>-<period>.pdf)')
    .action(async (options: ReportOptions) => {
      const { factsheetQuery } = await import('../server/modules/dashboards/dashboards.schemas.ts');
      const parsed = factsheetQuery.safeParse({
        area: options.area.trim().toUpperCase(),
        period: options.period?.trim().toUpperCase(),
        group: options.group,
        groupAreas: options.groupAreas?.toUpperCase(),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const option = { area: '--area', period: '--period', groupAreas: '--group-areas' }[
          String(issue?.path[0]) as 'area'
        ];
        throw new UserError(`${option ?? 'Invoer'}: ${issue?.message ?? 'ongeldig'}.`);
      }
      const query = parsed.data;
      if (query.group === 'eigen' && (query.groupAreas ?? []).length === 0)
        throw new UserError('Met --group eigen hoort --group-areas GM0363,GM0599,… erbij.');

      const started = performance.now();
      const viaServer = await runningServer();
      const { pdf, fileName } = viaServer
        ? await fetchFactsheet(viaServer, query)
        : await buildDirectly(deps, query);
      const out = options.out ?? fileName;
      await writeFile(out, pdf);
      const pages = countPages(pdf);
      console.log(
        `Factsheet geschreven naar ${out}: ${pages} pagina${pages === 1 ? '' : "'s"}, ${Math.ceil(pdf.length / 1024)} kB, in ${Math.round(performance.now() - started)} ms${viaServer ? ` (via de server op ${viaServer})` : ''}.`,
      );
    });
}

type Query = { area: string; period?: string; group: ComparisonGroupKind; groupAreas?: string[] };

async function buildDirectly(deps: Deps, query: Query): Promise<{ pdf: Buffer; fileName: string }> {
  const [{ buildFactsheet }, { createDashboardsService }] = await Promise.all([
    import('../server/modules/dashboards/dashboards.factsheet.ts'),
    import('../server/modules/dashboards/dashboards.service.ts'),
  ]);
  let result: { pdf: Buffer; fileName: string } | undefined;
  await deps.withDatabase(async (db) => {
    result = await buildFactsheet(db, createDashboardsService(db), query);
  });
  if (!result) throw new Error('The factsheet was not made.');
  return result;
}

/** The address of a server that holds the PGlite data folder right now, if any. */
async function runningServer(): Promise<string | undefined> {
  const config = loadConfig();
  if (config.databaseUrl || !(await isDataDirLocked(config.dataDir))) return undefined;
  const url = await readServerUrl(config.dataDir);
  if (!url) return undefined;
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? url : undefined;
  } catch {
    return undefined;
  }
}

async function fetchFactsheet(url: string, query: Query): Promise<{ pdf: Buffer; fileName: string }> {
  const params = new URLSearchParams({ area: query.area, group: query.group });
  if (query.period) params.set('period', query.period);
  if (query.groupAreas) params.set('groupAreas', query.groupAreas.join(','));
  const response = await fetch(`${url}/api/reports/factsheet?${params}`);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    const message = body.message ?? `HTTP ${response.status}`;
    throw response.status < 500 ? new UserError(message) : new Error(message);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName =
    /filename="?([^";]+)"?/.exec(disposition)?.[1] ??
    `factsheet-${query.area}-${query.period ?? 'laatste'}.pdf`;
  return { pdf: Buffer.from(await response.arrayBuffer()), fileName };
}

/** Pages of a PDF as its page tree counts them (pdfkit writes one uncompressed /Type /Pages object). */
function countPages(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  return match ? Number(match[1]) : 0;
}
