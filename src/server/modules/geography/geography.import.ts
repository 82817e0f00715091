/**
 * Importing a merger file (herindelingen CSV), from the web app, the API or the CLI: decoded by content, every
 * row validated, then all rows or none in one transaction with its audit entry. A dry run validates only.
 */
import type { Db } from '../../db/client.ts';
import { decodeTextUpload, type TextEncoding, UploadError } from '../../http/uploads.ts';
import { type RequestContext, recordAudit } from '../audit/audit.service.ts';
import { MergerFileError, parseMergerCsv, upsertMergers } from './geography.reference.ts';

export type MergerImportResult = { fileName: string; rows: number; dryRun: boolean; encoding: TextEncoding };

export async function importMergerFile(
  db: Db,
  context: RequestContext,
  file: { bytes: Uint8Array; fileName: string; dryRun: boolean },
): Promise<MergerImportResult> {
  let rows: ReturnType<typeof parseMergerCsv>;
  let encoding: TextEncoding;
  try {
    const decoded = decodeTextUpload(file.bytes, file.fileName);
    encoding = decoded.encoding;
    rows = parseMergerCsv(decoded.text, file.fileName);
  } catch (error) {
    // Refused files are on record too: every import attempt is, not only the ones that changed something.
    if (error instanceof MergerFileError || error instanceof UploadError) {
      await db.transaction((tx) =>
        recordAudit(tx, context, {
          action: 'mergers.import',
          result: 'failure',
          details: {
            fileName: file.fileName,
            dryRun: file.dryRun,
            bytes: file.bytes.length,
            ...(error instanceof MergerFileError
              ? { problems: error.problems.length }
              : { refused: error.message }),
          },
        }),
      );
    }
    throw error;
  }
  await db.transaction(async (tx) => {
    if (!file.dryRun) await upsertMergers(tx, rows);
    await recordAudit(tx, context, {
      action: 'mergers.import',
      result: 'success',
      objectType: 'municipal_merger',
      details: { fileName: file.fileName, dryRun: file.dryRun, rows: rows.length, encoding },
    });
  });
  return { fileName: file.fileName, rows: rows.length, dryRun: file.dryRun, encoding };
}
