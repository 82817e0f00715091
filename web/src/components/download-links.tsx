// SPDX-License-Identifier: EUPL-1.2
import { downloadPath } from '../api/dashboard-queries.ts';

/**
 * The CSV and XLSX downloads of a dashboard table, as list items: the same API request as the page with
 * `format=csv|xlsx`, so a download holds exactly what is shown. Files, not pages of this app: plain links.
 */
export function DownloadItems({ apiPath, csv, xlsx }: { apiPath: string; csv: string; xlsx: string }) {
  return (
    <>
      <li>
        <a className="utrecht-link utrecht-link--html-a" href={downloadPath(apiPath, 'csv')} download>
          {csv}
        </a>
      </li>
      <li>
        <a className="utrecht-link utrecht-link--html-a" href={downloadPath(apiPath, 'xlsx')} download>
          {xlsx}
        </a>
      </li>
    </>
  );
}
