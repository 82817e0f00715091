// SPDX-License-Identifier: EUPL-1.2
import { useQueryClient } from '@tanstack/react-query';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import {
  AGGREGATIONS,
  INDICATOR_SOURCES,
  PERIOD_TYPE_LABELS,
  PERIOD_TYPES,
  SOURCE_LABELS,
  UNITS,
} from '../../../src/shared/figures.ts';
import { ApiError } from '../api/client.ts';
import { type Dimension, figuresApi, type Indicator } from '../api/figures-queries.ts';
import {
  ErrorSummary,
  type Option,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../components/form.tsx';
import {
  EMPTY_INDICATOR,
  formulaParts,
  INDICATOR_FIELDS,
  type IndicatorFormValues,
  indicatorBody,
  indicatorFormErrors,
  withFormulaKind,
} from '../lib/figures.ts';
import { errorOf, errorsFromFailure, type FormErrors } from '../lib/form-errors.ts';
import { texts } from '../texts.ts';
import { CheckboxGroupField, TextareaField } from './figures-parts.tsx';

const t = texts.indicators;

const SOURCE_OPTIONS: Option[] = INDICATOR_SOURCES.map((source) => ({
  value: source,
  label: SOURCE_LABELS[source],
}));
const UNIT_OPTIONS: Option[] = UNITS.map((unit) => ({ value: unit, label: t.units[unit] }));
const PERIOD_OPTIONS: Option[] = PERIOD_TYPES.map((type) => ({
  value: type,
  label: PERIOD_TYPE_LABELS[type],
}));
const AGGREGATION_OPTIONS: Option[] = AGGREGATIONS.map((aggregation) => ({
  value: aggregation,
  label: aggregation === 'sum' ? t.fieldAggregationSum : t.fieldAggregationNone,
}));
const DIRECTION_OPTIONS: Option[] = [
  { value: 'hoger', label: t.fieldHigherYes },
  { value: 'lager', label: t.fieldHigherNo },
];
const FORMULA_OPTIONS: Option[] = [
  { value: 'per-1000', label: t.fieldFormulaPerThousand },
  { value: 'percentage', label: t.fieldFormulaPercentage },
];

/** The errors of a refused request: a taken code belongs at the code field. */
function failureErrors(error: unknown, code: string): FormErrors {
  if (error instanceof ApiError && error.status === 409)
    return [{ field: 'code', message: t.codeTaken(code) }];
  return errorsFromFailure(error, INDICATOR_FIELDS, texts.forms.sendFailed);
}

/** "Indicator toevoegen" for beheerders: every field of the catalogue, in Dutch. */
export function AddIndicatorSection({
  id,
  items,
  dimensions,
}: {
  id: string;
  items: readonly Indicator[];
  dimensions: readonly Dimension[];
}) {
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [values, setValues] = useState<IndicatorFormValues>(EMPTY_INDICATOR);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const set = (change: Partial<IndicatorFormValues>) => setValues((current) => ({ ...current, ...change }));
  const partOptions: Option[] = formulaParts(items).map((item) => ({
    value: item.code,
    label: `${item.name} (${item.code})`,
  }));
  const dimensionOptions: Option[] = dimensions.map((dimension) => ({
    value: dimension.code,
    label: dimension.name,
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setConfirmation(null);
    const errors = indicatorFormErrors(values);
    if (errors.length > 0) return form.show(errors);
    setBusy(true);
    const body = indicatorBody(values);
    try {
      const created = await figuresApi.addIndicator(queryClient, body);
      form.clear();
      setValues(EMPTY_INDICATOR);
      setConfirmation(t.added(created.name, created.code));
    } catch (error) {
      form.show(failureErrors(error, body.code));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={id} className="ks-section">
      <Heading level={2} id={id}>
        {t.addHeading}
      </Heading>
      <Paragraph className="ks-prose">{t.addIntro}</Paragraph>
      <form onSubmit={submit} noValidate className="ks-form">
        <ErrorSummary state={form} headingLevel={3} />
        <TextField
          id={form.idOf('code')}
          label={t.fieldCode}
          description={t.fieldCodeDescription}
          value={values.code}
          onChange={(code) => set({ code })}
          autoComplete="off"
          spellCheck={false}
          required
          error={errorOf(form.errors, 'code')}
        />
        <TextField
          id={form.idOf('name')}
          label={t.fieldName}
          description={t.fieldNameDescription}
          value={values.name}
          onChange={(name) => set({ name })}
          autoComplete="off"
          required
          error={errorOf(form.errors, 'name')}
        />
        <TextareaField
          id={form.idOf('definition')}
          label={t.fieldDefinition}
          description={t.fieldDefinitionDescription}
          value={values.definition}
          onChange={(definition) => set({ definition })}
          required
          error={errorOf(form.errors, 'definition')}
        />
        <SelectField
          id={form.idOf('source')}
          label={t.fieldSource}
          value={values.source}
          options={SOURCE_OPTIONS}
          emptyOption={t.fieldSourceChoose}
          onChange={(source) => set({ source: source as IndicatorFormValues['source'] })}
          required
          error={errorOf(form.errors, 'source')}
        />
        <SelectField
          id={form.idOf('unit')}
          label={t.fieldUnit}
          value={values.unit}
          options={UNIT_OPTIONS}
          emptyOption={t.fieldUnitChoose}
          onChange={(unit) => set({ unit: unit as IndicatorFormValues['unit'] })}
          required
          error={errorOf(form.errors, 'unit')}
        />
        <CheckboxGroupField
          id={form.idOf('periodTypes')}
          legend={t.fieldPeriodTypes}
          description={t.fieldPeriodTypesDescription}
          options={PERIOD_OPTIONS}
          values={values.periodTypes}
          onChange={(periodTypes) => set({ periodTypes: periodTypes as IndicatorFormValues['periodTypes'] })}
          error={errorOf(form.errors, 'periodTypes')}
        />
        <SelectField
          id={form.idOf('aggregation')}
          label={t.fieldAggregation}
          value={values.aggregation}
          options={AGGREGATION_OPTIONS}
          onChange={(aggregation) => set({ aggregation: aggregation as IndicatorFormValues['aggregation'] })}
          error={errorOf(form.errors, 'aggregation')}
        />
        <SelectField
          id={form.idOf('higherIsBetter')}
          label={t.fieldHigherIsBetter}
          description={t.fieldHigherIsBetterDescription}
          value={values.higherIsBetter}
          options={DIRECTION_OPTIONS}
          emptyOption={t.fieldHigherNeither}
          onChange={(direction) =>
            set({ higherIsBetter: direction as IndicatorFormValues['higherIsBetter'] })
          }
          error={errorOf(form.errors, 'higherIsBetter')}
        />
        <CheckboxGroupField
          id={form.idOf('breakdowns')}
          legend={t.fieldBreakdowns}
          description={t.fieldBreakdownsDescription}
          options={dimensionOptions}
          values={values.breakdowns}
          onChange={(breakdowns) => set({ breakdowns })}
          error={errorOf(form.errors, 'breakdowns')}
        />
        <SelectField
          id={form.idOf('formula')}
          label={t.fieldFormulaKind}
          description={t.fieldFormulaKindDescription}
          value={values.formulaKind}
          options={FORMULA_OPTIONS}
          emptyOption={t.fieldFormulaNone}
          onChange={(kind) => setValues((current) => withFormulaKind(current, kind))}
          error={errorOf(form.errors, 'formula')}
        />
        {values.formulaKind !== '' && (
          <>
            <SelectField
              id={form.idOf('numerator')}
              label={t.fieldNumerator}
              value={values.numerator}
              options={partOptions}
              emptyOption={t.fieldIndicatorChoose}
              onChange={(numerator) => set({ numerator })}
              required
              error={errorOf(form.errors, 'numerator')}
            />
            <SelectField
              id={form.idOf('denominator')}
              label={t.fieldDenominator}
              value={values.denominator}
              options={partOptions}
              emptyOption={t.fieldIndicatorChoose}
              onChange={(denominator) => set({ denominator })}
              required
              error={errorOf(form.errors, 'denominator')}
            />
          </>
        )}
        <SubmitButton busy={busy}>{t.submit}</SubmitButton>
        <StatusMessage message={confirmation} />
      </form>
    </section>
  );
}
