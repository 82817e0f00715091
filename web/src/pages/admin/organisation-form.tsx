// SPDX-License-Identifier: EUPL-1.2
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { compareAreaNames } from '../../../../src/shared/geography.ts';
import { areasQuery } from '../../api/queries.ts';
import type { OrganisationInput } from '../../api/types.ts';
import {
  CheckboxField,
  ErrorSummary,
  type Option,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/form.tsx';
import { errorOf, errorsFromFailure } from '../../lib/form-errors.ts';
import {
  areaLevelFor,
  canBeCentreMunicipality,
  isOrganisationKind,
  type OrganisationFormValues,
  organisationBody,
  organisationFormErrors,
} from '../../lib/organisation-form.ts';
import { texts } from '../../texts.ts';
import { KIND_OPTIONS } from './admin-parts.tsx';

const t = texts.organisations;
const FIELDS = ['kind', 'name', 'areaCode', 'isCentreMunicipality'] as const;

interface OrganisationFormProps {
  initial: OrganisationFormValues;
  submitLabel: string;
  /** Sends the organisation; resolves with the confirmation to show. */
  onSubmit(body: OrganisationInput): Promise<string>;
  /** Empty the form after success (adding), or keep what was saved (editing). */
  resetAfterSuccess: boolean;
  headingLevel: 2 | 3;
}

/** Kind, name, area (a gemeente or Veilig Thuis-regio, as the kind needs) and centrumgemeente. */
export function OrganisationForm({
  initial,
  submitLabel,
  onSubmit,
  resetAfterSuccess,
  headingLevel,
}: OrganisationFormProps) {
  const form = useFormErrors();
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const level = areaLevelFor(values.kind);

  const set = (change: Partial<OrganisationFormValues>) =>
    setValues((current) => ({ ...current, ...change }));
  const setKind = (kind: string) => {
    const next = isOrganisationKind(kind) ? kind : '';
    // Another kind may need another level of area: a gemeente code is no Veilig Thuis-regio.
    set({
      kind: next,
      ...(areaLevelFor(next) !== level ? { areaCode: '' } : {}),
      ...(canBeCentreMunicipality(next) ? {} : { isCentreMunicipality: false }),
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setConfirmation(null);
    const errors = organisationFormErrors(values, t);
    if (errors.length > 0 || values.kind === '') return form.show(errors);
    setBusy(true);
    try {
      const message = await onSubmit(organisationBody({ ...values, kind: values.kind }));
      form.clear();
      if (resetAfterSuccess) setValues(initial);
      setConfirmation(message);
    } catch (error) {
      form.show(errorsFromFailure(error, FIELDS, texts.forms.sendFailed));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="ks-form">
      <ErrorSummary state={form} headingLevel={headingLevel} />
      <SelectField
        id={form.idOf('kind')}
        label={t.kind}
        value={values.kind}
        options={KIND_OPTIONS}
        emptyOption={t.kindChoose}
        onChange={setKind}
        required
        error={errorOf(form.errors, 'kind')}
      />
      <TextField
        id={form.idOf('name')}
        label={t.name}
        description={t.nameDescription}
        value={values.name}
        onChange={(name) => set({ name })}
        autoComplete="off"
        required
        error={errorOf(form.errors, 'name')}
      />
      {level && (
        <AreaField
          id={form.idOf('areaCode')}
          level={level}
          value={values.areaCode}
          onChange={(areaCode) => set({ areaCode })}
          error={errorOf(form.errors, 'areaCode')}
        />
      )}
      {canBeCentreMunicipality(values.kind) && (
        <CheckboxField
          id={form.idOf('isCentreMunicipality')}
          label={t.centreLabel}
          description={t.centreDescription}
          checked={values.isCentreMunicipality}
          onChange={(isCentreMunicipality) => set({ isCentreMunicipality })}
          error={errorOf(form.errors, 'isCentreMunicipality')}
        />
      )}
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
      <StatusMessage message={confirmation} />
    </form>
  );
}

/** A select of today's gemeenten or Veilig Thuis-regio's, by name. */
function AreaField({
  id,
  level,
  value,
  onChange,
  error,
}: {
  id: string;
  level: 'gemeente' | 'veiligthuisregio';
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}) {
  const areas = useQuery(areasQuery({ level }));
  const options = useMemo<Option[]>(() => {
    const items = [...(areas.data?.items ?? [])].sort((a, b) => compareAreaNames(a.name, b.name));
    const list = items.map((area) => ({ value: area.code, label: t.areaOption(area.name, area.code) }));
    // An area that no longer exists (herindeling) stays visible as the current value, so it can be replaced.
    if (value && areas.data && !list.some((option) => option.value === value))
      list.unshift({ value, label: value });
    return list;
  }, [areas.data, value]);

  return (
    <SelectField
      id={id}
      label={level === 'gemeente' ? t.areaGemeente : t.areaRegion}
      description={
        areas.isError
          ? texts.common.loadError(t.areasLoadWhat)
          : level === 'gemeente'
            ? t.areaDescriptionGemeente
            : t.areaDescriptionRegion
      }
      value={value}
      options={options}
      emptyOption={
        areas.isPending
          ? texts.common.loading
          : level === 'gemeente'
            ? t.areaChooseGemeente
            : t.areaChooseRegion
      }
      onChange={onChange}
      required
      error={error}
    />
  );
}
