// SPDX-License-Identifier: EUPL-1.2
import { useQueryClient } from '@tanstack/react-query';
import {
  ButtonGroup,
  Code,
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
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useId, useState } from 'react';
import { accessApi } from '../../api/access-client.ts';
import { mergersQuery } from '../../api/queries.ts';
import type { FileProblem } from '../../api/types.ts';
import {
  ErrorSummary,
  FileField,
  type FormErrorState,
  StatusMessage,
  SubmitButton,
  useFormErrors,
} from '../../components/form.tsx';
import { errorOf } from '../../lib/form-errors.ts';
import { formatNumber } from '../../lib/format.ts';
import {
  checkUploadFile,
  formatMegabytes,
  MERGER_UPLOAD_LIMIT,
  problemColumnLabel,
  problemRowLabel,
  problemValueLabel,
  UPLOAD_FIELDS,
  uploadConfirmation,
  uploadFailure,
  uploadFileName,
} from '../../lib/merger-upload.ts';
import { texts } from '../../texts.ts';

const t = texts.mergerUpload;
type Mode = 'check' | 'import';

/**
 * For beheerders on /herindelingen: a merger CSV checked ("Controleren", a dry run) or imported, all rows or
 * none. A refused file lists every problem in a table that the error summary links to.
 */
export function MergerUploadSection() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="ks-section">
      <Heading level={2} id={headingId}>
        {t.heading}
      </Heading>
      <div className="ks-prose">
        <Paragraph>{t.intro}</Paragraph>
        <Paragraph>{t.columnsIntro}</Paragraph>
        <UnorderedList className="ks-upload-columns">
          {t.columns.map((column) => (
            <UnorderedListItem key={column.name}>
              <Code>{column.name}</Code>: {column.description}
            </UnorderedListItem>
          ))}
        </UnorderedList>
        <Paragraph>{t.allOrNothing}</Paragraph>
      </div>
      <MergerUploadForm />
    </section>
  );
}

function MergerUploadForm() {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ fileName: string; items: readonly FileProblem[] } | null>(null);

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    // A confirmation is about the file it named.
    setConfirmation(null);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    // Which button was pressed; anything else (Enter) only checks.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const mode: Mode = submitter?.getAttribute('value') === 'import' ? 'import' : 'check';
    setConfirmation(null);
    setProblems(null);
    const invalid = checkUploadFile(file, t);
    if (invalid || !file) return form.show(invalid ? [invalid] : []);
    const fileName = uploadFileName(file.name);
    setBusy(mode);
    try {
      const result = await accessApi.importMergers(queryClient, file, { fileName, dryRun: mode === 'check' });
      if (!result.dryRun) {
        // The table above shows the new rows before the confirmation says so; area pages load them anew.
        void queryClient.invalidateQueries({ queryKey: ['area'] });
        await queryClient.invalidateQueries({ queryKey: mergersQuery().queryKey });
      }
      form.clear();
      setConfirmation(uploadConfirmation(result, t));
    } catch (error) {
      const failure = uploadFailure(error, fileName, t, texts.forms.sendFailed);
      setProblems(failure.problems.length > 0 ? { fileName, items: failure.problems } : null);
      form.show(failure.errors);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <form onSubmit={submit} noValidate className="ks-form">
        <ErrorSummary state={form} headingLevel={3} />
        <FileField
          id={form.idOf(UPLOAD_FIELDS.file)}
          label={t.fileLabel}
          description={t.fileDescription(formatMegabytes(MERGER_UPLOAD_LIMIT))}
          accept=".csv,text/csv"
          onChange={chooseFile}
          error={errorOf(form.errors, UPLOAD_FIELDS.file)}
        />
        <ButtonGroup>
          <SubmitButton busy={busy === 'check'} appearance="secondary-action-button" value="check">
            {t.check}
          </SubmitButton>
          <SubmitButton busy={busy === 'import'} value="import">
            {t.import}
          </SubmitButton>
        </ButtonGroup>
        <StatusMessage message={confirmation} />
      </form>
      {problems && <ProblemTable form={form} fileName={problems.fileName} problems={problems.items} />}
    </>
  );
}

/** Every problem of a refused file; the error summary's link moves focus here. */
function ProblemTable({
  form,
  fileName,
  problems,
}: {
  form: FormErrorState;
  fileName: string;
  problems: readonly FileProblem[];
}) {
  const headingId = useId();
  const count = problems.length;
  return (
    <section
      id={form.idOf(UPLOAD_FIELDS.problems)}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="ks-upload-problems"
    >
      <Heading level={3} id={headingId}>
        {t.problemsHeading}
      </Heading>
      <Paragraph>{t.problemsIntro}</Paragraph>
      <TableContainer overflowInline className="ks-table-container">
        <Table className="ks-table ks-upload-problems__table">
          <TableCaption className="ks-table__caption">
            {t.problemsCaption(fileName, count, formatNumber(count))}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col" numericColumn>
                {t.rowColumn}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t.columnColumn}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.valueColumn}</TableHeaderCell>
              <TableHeaderCell scope="col">{t.messageColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {problems.map((problem, index) => (
              // The same row and column can have two problems; their order is the server's.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <TableRow key={index}>
                <TableCell numericColumn>{problemRowLabel(problem.row, t)}</TableCell>
                <TableCell>
                  {problemColumnLabel(problem.column, t) === problem.column ? (
                    <Code>{problem.column}</Code>
                  ) : (
                    problemColumnLabel(problem.column, t)
                  )}
                </TableCell>
                <TableCell className="ks-upload-problems__value">
                  {problemValueLabel(problem.value, t)}
                </TableCell>
                <TableCell className="ks-upload-problems__message">{problem.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}
