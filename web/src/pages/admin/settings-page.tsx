// SPDX-License-Identifier: EUPL-1.2
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { accessApi } from '../../api/access-client.ts';
import { SESSION_KEY, settingsQuery } from '../../api/queries.ts';
import type { InstallationSettings } from '../../api/types.ts';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  StatusMessage,
  SubmitButton,
  useFormErrors,
} from '../../components/form.tsx';
import { ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { errorOf, errorsFromFailure } from '../../lib/form-errors.ts';
import { texts } from '../../texts.ts';
import { AdminBreadcrumbs } from './admin-parts.tsx';

const t = texts.settings;

/** /beheer/instellingen: the installation's settings. */
export function SettingsPage() {
  useDocumentTitle(t.documentTitle);
  const query = useQuery(settingsQuery());
  return (
    <>
      <AdminBreadcrumbs current={t.heading} />
      <Heading level={1}>{t.heading}</Heading>
      {query.isPending ? (
        <LoadingMessage>{texts.common.loading}</LoadingMessage>
      ) : query.isError ? (
        <ErrorMessage>{texts.common.loadError(t.loadWhat)}</ErrorMessage>
      ) : (
        <SettingsForm settings={query.data} />
      )}
    </>
  );
}

function SettingsForm({ settings }: { settings: InstallationSettings }) {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [figuresPublic, setFiguresPublic] = useState(settings.figuresPublic);
  const [threshold, setThreshold] = useState(String(settings.disclosureThreshold ?? 5));
  const [roundTo, setRoundTo] = useState(String(settings.disclosureRoundTo ?? ''));
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setConfirmation(null);
    setBusy(true);
    try {
      const saved = await accessApi.updateSettings(queryClient, {
        figuresPublic,
        disclosureThreshold: Number(threshold),
        disclosureRoundTo: roundTo === '' ? null : (Number(roundTo) as 5 | 10),
      });
      queryClient.setQueryData(settingsQuery().queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      form.clear();
      setConfirmation(t.saved);
    } catch (error) {
      form.show(
        errorsFromFailure(
          error,
          ['figuresPublic', 'disclosureThreshold', 'disclosureRoundTo'],
          texts.forms.sendFailed,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="ks-form">
      <ErrorSummary state={form} />
      <CheckboxField
        id={form.idOf('figuresPublic')}
        label={t.figuresPublic}
        description={t.figuresPublicDescription}
        checked={figuresPublic}
        onChange={setFiguresPublic}
        error={errorOf(form.errors, 'figuresPublic')}
      />
      <SelectField
        id={form.idOf('disclosureThreshold')}
        label={t.disclosureThreshold}
        description={t.disclosureThresholdDescription}
        value={threshold}
        options={['3', '5', '10', '20'].map((value) => ({ value, label: value }))}
        onChange={setThreshold}
        error={errorOf(form.errors, 'disclosureThreshold')}
      />
      <SelectField
        id={form.idOf('disclosureRoundTo')}
        label={t.disclosureRoundTo}
        value={roundTo}
        options={[
          { value: '', label: t.disclosureRoundToOptions.none },
          { value: '5', label: t.disclosureRoundToOptions.five },
          { value: '10', label: t.disclosureRoundToOptions.ten },
        ]}
        onChange={setRoundTo}
        error={errorOf(form.errors, 'disclosureRoundTo')}
      />
      <SubmitButton busy={busy}>{t.save}</SubmitButton>
      <StatusMessage message={confirmation} />
    </form>
  );
}
