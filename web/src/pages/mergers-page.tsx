// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from '@tanstack/react-query';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { mergersQuery } from '../api/queries.ts';
import type { Merger } from '../api/types.ts';
import { AppLink } from '../components/app-link.tsx';
import { useSession } from '../components/session.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatDate } from '../lib/format.ts';
import { formatShare, groupMergersByDate, mergerTableCaption } from '../lib/mergers.ts';
import { texts } from '../texts.ts';
import { MergerUploadSection } from './admin/merger-upload-form.tsx';

const t = texts.mergers;

/**
 * /herindelingen: every municipal merger on record, newest first, with what it means for the figures; for a
 * signed-in beheerder also the form to import a merger file.
 */
export function MergersPage() {
  useDocumentTitle(t.documentTitle);
  const query = useQuery(mergersQuery());
  const isAdmin = useSession().data?.user?.isAdmin === true;

  return (
    <>
      <Heading level={1}>{t.heading}</Heading>
      <div className="ks-prose ks-intro">
        {t.intro.map((paragraph) => (
          <Paragraph key={paragraph}>{paragraph}</Paragraph>
        ))}
      </div>
      {query.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : query.isError ? (
        <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>
      ) : query.data.items.length === 0 ? (
        <Paragraph>{t.captionEmpty}</Paragraph>
      ) : (
        <MergerTable mergers={query.data.items} />
      )}
      {isAdmin && <MergerUploadSection />}
    </>
  );
}

function MergerTable({ mergers }: { mergers: readonly Merger[] }) {
  const groups = groupMergersByDate(mergers);
  return (
    <TableContainer overflowInline className="ks-table-container">
      <Table className="ks-table ks-merger-table">
        <TableCaption className="ks-table__caption">{mergerTableCaption(mergers)}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.dateColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.oldColumn}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.newColumn}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t.shareColumn}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t.sourceColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        {/* One row group per date: the rows of one herindeling stay together. */}
        {groups.map((group) => (
          <TableBody key={group.date} className="ks-merger-table__group">
            {group.mergers.map((merger) => (
              <MergerRow key={`${merger.oldCode}-${merger.newCode}`} merger={merger} />
            ))}
          </TableBody>
        ))}
      </Table>
    </TableContainer>
  );
}

function MergerRow({ merger }: { merger: Merger }) {
  const share = formatShare(merger.populationShare);
  return (
    <TableRow>
      <TableCell className="ks-nowrap">{formatDate(merger.effectiveDate)}</TableCell>
      <TableHeaderCell scope="row" className="ks-table__row-header">
        <GemeenteLink code={merger.oldCode} name={merger.oldName} />
      </TableHeaderCell>
      <TableCell>
        <GemeenteLink code={merger.newCode} name={merger.newName} />
        {merger.isNewCodeCreated && <span className="ks-merger-table__note">{t.newlyCreated}</span>}
      </TableCell>
      <TableCell numericColumn>{share ?? t.shareUnknownCell}</TableCell>
      <TableCell className="ks-merger-table__source">{merger.source}</TableCell>
    </TableRow>
  );
}

function GemeenteLink({ code, name }: { code: string; name: string }) {
  return (
    <>
      <AppLink to="/gemeente/$code" params={{ code }}>
        {name}
      </AppLink>{' '}
      <span className="ks-code">({code})</span>
    </>
  );
}
