// SPDX-License-Identifier: EUPL-1.2
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
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
import { useEffect, useId, useRef, useState } from 'react';
import { figuresApi, importHistoryQuery } from '../api/figures-client.ts';
import type { SessionUser } from '../api/types.ts';
import { ErrorSummary, StatusMessage, useFormErrors } from '../components/form.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { type HistoryRow, historyCaption, historyRows, undoConfirmation } from '../lib/figures-import.ts';
import { errorsFromFailure } from '../lib/form-errors.ts';
import { texts } from '../texts.ts';
import { importTexts as t } from './import-texts.ts';

/**
 * The newest imports, with "Ongedaan maken" for an import that stands: first a confirmation (focus moves to
 * it), then the undo. The server's refusal (409: already undone, or a later import changed the same figures)
 * is shown as it says it.
 */
export function ImportHistory({ user, onChanged }: { user: SessionUser; onChanged(): Promise<unknown> }) {
  const queryClient = useQueryClient();
  const query = useQuery(importHistoryQuery());
  const form = useFormErrors();
  const headingId = useId();
  const buttonPrefix = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<HistoryRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  /** Where focus goes once the confirmation is gone: back to the row's button, or to the heading. */
  const [returnFocus, setReturnFocus] = useState<string | null>(null);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  useEffect(() => {
    if (returnFocus === null) return;
    if (returnFocus === 'heading') headingRef.current?.focus();
    else document.getElementById(returnFocus)?.focus();
    setReturnFocus(null);
  }, [returnFocus]);

  const buttonId = (id: number) => `${buttonPrefix}-undo-${id}`;

  const ask = (row: HistoryRow) => {
    form.clear();
    setConfirmation(null);
    setConfirming(row);
  };

  const cancel = () => {
    if (confirming) setReturnFocus(buttonId(confirming.id));
    setConfirming(null);
  };

  const undo = async () => {
    if (!confirming || busy) return;
    setBusy(true);
    try {
      const result = await figuresApi.undoImport(queryClient, confirming.id);
      await onChanged();
      setConfirming(null);
      form.clear();
      setConfirmation(undoConfirmation(result));
      setReturnFocus('heading');
    } catch (error) {
      setConfirming(null);
      form.show(errorsFromFailure(error, [], texts.forms.sendFailed));
      void query.refetch();
    } finally {
      setBusy(false);
    }
  };

  const rows = query.data ? historyRows(query.data, user) : [];

  return (
    <section aria-labelledby={headingId} className="ks-section ks-import-history">
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1} className="ks-import-history__heading">
        {t.historyHeading}
      </Heading>
      <ErrorSummary state={form} headingLevel={3} />
      <StatusMessage message={confirmation} />
      {confirming && (
        <div className="ks-link-panel ks-import-undo">
          <Heading level={3} ref={questionRef} tabIndex={-1}>
            {t.undoConfirmHeading(String(confirming.id))}
          </Heading>
          <Paragraph>{t.undoConfirmBody(confirming.fileName)}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" hint="danger" busy={busy} onClick={() => void undo()}>
              {t.undoConfirm}
              <span className="ks-visually-hidden">{t.undoFor(String(confirming.id))}</span>
            </Button>
            <Button appearance="secondary-action-button" onClick={cancel} disabled={busy}>
              {t.undoCancel}
            </Button>
          </ButtonGroup>
        </div>
      )}
      {query.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : query.isError ? (
        <ErrorMessage>{query.error.message || texts.common.loadError(t.historyLoadWhat)}</ErrorMessage>
      ) : rows.length === 0 ? (
        <Paragraph>{t.historyEmpty}</Paragraph>
      ) : (
        <TableContainer overflowInline className="ks-table-container">
          <Table className="ks-table ks-import-history__table">
            <TableCaption className="ks-table__caption">{historyCaption(query.data)}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col" numericColumn>
                  {t.idColumn}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t.atColumn}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.fileColumn}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.byColumn}</TableHeaderCell>
                <TableHeaderCell scope="col" numericColumn>
                  {t.addedColumn}
                </TableHeaderCell>
                <TableHeaderCell scope="col" numericColumn>
                  {t.changedColumn}
                </TableHeaderCell>
                <TableHeaderCell scope="col">{t.statusColumn}</TableHeaderCell>
                <TableHeaderCell scope="col">{t.actionsColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableHeaderCell scope="row" numericColumn className="ks-table__row-header">
                    {row.id}
                  </TableHeaderCell>
                  <TableCell className="ks-import-history__at">{row.at}</TableCell>
                  <TableCell className="ks-import-history__file">{row.fileName}</TableCell>
                  <TableCell className="ks-import-history__by">{row.by}</TableCell>
                  <TableCell numericColumn>{row.added}</TableCell>
                  <TableCell numericColumn>{row.changed}</TableCell>
                  <TableCell>{row.status}</TableCell>
                  <TableCell className="ks-import-history__action">
                    {row.canUndo && (
                      <Button
                        id={buttonId(row.id)}
                        appearance="secondary-action-button"
                        onClick={() => ask(row)}
                        disabled={busy}
                      >
                        {t.undo}
                        <span className="ks-visually-hidden">{t.undoFor(String(row.id))}</span>
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </section>
  );
}
