// SPDX-License-Identifier: EUPL-1.2
import { useQueryClient } from '@tanstack/react-query';
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
import { type CaseImportRecord, casesApi, invalidateCases, useCaseImports } from '../../api/cases-queries.ts';
import { ErrorSummary, StatusMessage, useFormErrors } from '../../components/form.tsx';
import { LoadingMessage } from '../../components/status-message.tsx';
import { errorsFromFailure } from '../../lib/form-errors.ts';
import { formatNumber } from '../../lib/format.ts';
import {
  canUndoImport,
  importHistoryCaption,
  importKindText,
  importStatusText,
  importTimeText,
  undoResultText,
} from '../../lib/schedules.ts';
import { texts } from '../../texts.ts';
import { CaseLoadError } from './register-page.tsx';

const t = {
  heading: 'Eerdere aanleveringen',
  intro:
    'De aanleveringen van uw organisatie (een beheerder ziet ze allemaal), de nieuwste eerst. Een aanlevering terugdraaien trekt de casussen in die ze toevoegde en geeft gewijzigde casussen hun vorige versie terug; de uitkomsten worden opnieuw berekend. Niets wordt gewist: het terugdraaien staat zelf ook in de lijst.',
  loadWhat: 'de eerdere aanleveringen',
  empty: 'Er zijn nog geen casussen aangeleverd.',
  columns: {
    id: 'Nummer',
    kind: 'Soort',
    file: 'Bestand',
    supplier: 'Aanleverancier',
    by: 'Door',
    at: 'Tijdstip',
    cases: 'Casussen',
    added: 'Nieuw',
    changed: 'Gewijzigd',
    status: 'Status',
    action: 'Actie',
  },
  noSupplier: 'geen (beheerder)',
  undo: 'Terugdraaien',
  undoFor: (id: number) => ` (aanlevering ${id})`,
  confirmHeading: (id: number) => `Aanlevering ${id} terugdraaien?`,
  confirmBody: (fileName: string) =>
    `${fileName}: de casussen die deze aanlevering toevoegde, worden ingetrokken; casussen die ze wijzigde, krijgen hun vorige versie terug. Dit lukt alleen als geen latere aanlevering dezelfde casussen heeft gewijzigd.`,
  confirm: 'Ja, terugdraaien',
  cancel: 'Annuleren',
};

/**
 * The case imports the user may see, with "Terugdraaien" for an import that stands: first an inline
 * confirmation (focus moves to its question), then the undo. The server's refusal (409: already undone, or a
 * later import changed the same cases; 403) is shown as it says it.
 */
export function CaseImportHistory() {
  const queryClient = useQueryClient();
  const query = useCaseImports();
  const form = useFormErrors();
  const headingId = useId();
  const buttonPrefix = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState<CaseImportRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
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

  const ask = (record: CaseImportRecord) => {
    form.clear();
    setResult(null);
    setConfirming(record);
  };

  const cancel = () => {
    if (confirming) setReturnFocus(buttonId(confirming.id));
    setConfirming(null);
  };

  const undo = async () => {
    if (!confirming || busy) return;
    setBusy(true);
    try {
      const undone = await casesApi.undoImport(queryClient, confirming.id);
      setConfirming(null);
      form.clear();
      setResult(undoResultText(undone));
      setReturnFocus('heading');
      // The register, its figures and this history all changed.
      await invalidateCases(queryClient);
    } catch (error) {
      setConfirming(null);
      form.show(errorsFromFailure(error, [], texts.forms.sendFailed));
      void query.refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="ks-section ks-import-history">
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1} className="ks-import-history__heading">
        {t.heading}
      </Heading>
      <Paragraph className="ks-prose">{t.intro}</Paragraph>
      <ErrorSummary state={form} headingLevel={3} />
      <StatusMessage message={result} />
      {confirming && (
        <div className="ks-link-panel ks-import-undo">
          <Heading level={3} ref={questionRef} tabIndex={-1}>
            {t.confirmHeading(confirming.id)}
          </Heading>
          <Paragraph>{t.confirmBody(confirming.fileName)}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" hint="danger" busy={busy} onClick={() => void undo()}>
              {t.confirm}
              <span className="ks-visually-hidden">{t.undoFor(confirming.id)}</span>
            </Button>
            <Button appearance="secondary-action-button" onClick={cancel} disabled={busy}>
              {t.cancel}
            </Button>
          </ButtonGroup>
        </div>
      )}
      {query.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : query.isError ? (
        <CaseLoadError error={query.error} what={t.loadWhat} />
      ) : query.data.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <TableContainer overflowInline className="ks-table-container">
          <Table className="ks-table ks-import-history__table">
            <TableCaption className="ks-table__caption">
              {importHistoryCaption(query.data.length)}
            </TableCaption>
            <TableHeader>
              <TableRow>
                {Object.entries(t.columns).map(([key, label]) => (
                  <TableHeaderCell
                    key={key}
                    scope="col"
                    numericColumn={key === 'id' || key === 'cases' || key === 'added' || key === 'changed'}
                  >
                    {label}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {query.data.map((record) => (
                <TableRow key={record.id}>
                  <TableHeaderCell scope="row" numericColumn className="ks-table__row-header">
                    {record.id}
                  </TableHeaderCell>
                  <TableCell>{importKindText(record.kind)}</TableCell>
                  <TableCell className="ks-import-history__file">{record.fileName}</TableCell>
                  <TableCell>{record.supplier ?? t.noSupplier}</TableCell>
                  <TableCell className="ks-import-history__by">{record.actorLabel}</TableCell>
                  <TableCell className="ks-import-history__at">
                    <time dateTime={record.at}>{importTimeText(record.at)}</time>
                  </TableCell>
                  <TableCell numericColumn>{formatNumber(record.cases)}</TableCell>
                  <TableCell numericColumn>{formatNumber(record.added)}</TableCell>
                  <TableCell numericColumn>{formatNumber(record.changed)}</TableCell>
                  <TableCell>{importStatusText(record)}</TableCell>
                  <TableCell className="ks-import-history__action">
                    {canUndoImport(record) && (
                      <Button
                        id={buttonId(record.id)}
                        appearance="secondary-action-button"
                        onClick={() => ask(record)}
                        disabled={busy}
                      >
                        {t.undo}
                        <span className="ks-visually-hidden">{t.undoFor(record.id)}</span>
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
