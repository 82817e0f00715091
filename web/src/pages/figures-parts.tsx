// SPDX-License-Identifier: EUPL-1.2
/**
 * Pieces shared by the catalogue and figures pages: form fields that form.tsx lacks (a text area, a select with
 * option groups, a group of checkboxes) built the same way, a sortable column header, and what to say when
 * figures need a sign-in.
 */
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  TableHeaderCell,
  Textarea,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { isUnauthorized } from '../api/client.ts';
import { AppLink } from '../components/app-link.tsx';
import { ErrorMessage } from '../components/status-message.tsx';
import { texts } from '../texts.ts';

/** The ids an input refers to with aria-describedby: its description and its error message. */
function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  const ids = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function ErrorText({ id, error }: { id: string; error: string }) {
  return (
    <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
      <span className="ks-visually-hidden">{texts.forms.errorPrefix}</span>
      {error}
    </FormFieldErrorMessage>
  );
}

function Description({ id, children }: { id: string; children: ReactNode }) {
  return (
    <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
      {children}
    </FormFieldDescription>
  );
}

interface FrameProps {
  id: string;
  label: ReactNode;
  description?: ReactNode | undefined;
  error?: string | undefined;
  children: ReactNode;
}

function Frame({ id, label, description, error, children }: FrameProps) {
  return (
    <FormField invalid={Boolean(error)} className="ks-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && <Description id={id}>{description}</Description>}
      {error && <ErrorText id={id} error={error} />}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

interface TextareaFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  description?: ReactNode | undefined;
  error?: string | undefined;
  required?: boolean;
  rows?: number;
}

export function TextareaField({
  id,
  label,
  value,
  onChange,
  description,
  error,
  required,
  rows = 4,
}: TextareaFieldProps) {
  return (
    <Frame id={id} label={label} description={description} error={error}>
      <Textarea
        id={id}
        value={value}
        rows={rows}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        invalid={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
      />
    </Frame>
  );
}

export interface OptionGroup {
  label: string;
  options: readonly { value: string; label: string }[];
}

/** A select whose options are grouped (`<optgroup>`), e.g. indicators by source or periods by year. */
export function GroupedSelectField({
  id,
  label,
  value,
  groups,
  onChange,
  emptyOption,
  description,
  error,
}: {
  id: string;
  label: ReactNode;
  value: string;
  groups: readonly OptionGroup[];
  onChange(value: string): void;
  emptyOption?: string;
  description?: ReactNode | undefined;
  error?: string | undefined;
}) {
  return (
    <Frame id={id} label={label} description={description} error={error}>
      <Select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, description, error)}
      >
        {emptyOption !== undefined && <SelectOption value="">{emptyOption}</SelectOption>}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <SelectOption key={option.value} value={option.value}>
                {option.label}
              </SelectOption>
            ))}
          </optgroup>
        ))}
      </Select>
    </Frame>
  );
}

/**
 * Checkboxes for a list of choices, in a fieldset with a legend. The first checkbox has `id`, so an error
 * summary can link to the group.
 */
export function CheckboxGroupField({
  id,
  legend,
  options,
  values,
  onChange,
  description,
  error,
}: {
  id: string;
  legend: ReactNode;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onChange(values: string[]): void;
  description?: ReactNode | undefined;
  error?: string | undefined;
}) {
  const toggle = (value: string, checked: boolean) =>
    onChange(
      checked
        ? options.map((option) => option.value).filter((code) => code === value || values.includes(code))
        : values.filter((code) => code !== value),
    );
  return (
    <Fieldset
      invalid={Boolean(error)}
      aria-describedby={describedBy(id, description, error)}
      className="ks-field"
    >
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <Description id={id}>{description}</Description>}
      {error && <ErrorText id={id} error={error} />}
      <div className="ks-checkbox-group">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          const checked = values.includes(option.value);
          return (
            <FormField key={option.value} type="checkbox" className="ks-checkbox-group__item">
              <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
                <FormLabel htmlFor={optionId} type="checkbox" checked={checked}>
                  <Checkbox
                    id={optionId}
                    className="utrecht-form-field__input"
                    checked={checked}
                    invalid={Boolean(error)}
                    onChange={(event) => toggle(option.value, event.target.checked)}
                  />
                  {option.label}
                </FormLabel>
              </div>
            </FormField>
          );
        })}
      </div>
    </Fieldset>
  );
}

export type SortDirection = 'ascending' | 'descending';

/** A column header that sorts its table; says which way it sorts with aria-sort. */
export function SortableHeaderCell({
  label,
  numeric,
  direction,
  onSort,
}: {
  label: ReactNode;
  numeric: boolean;
  /** The direction when the table is sorted by this column. */
  direction: SortDirection | undefined;
  onSort(): void;
}) {
  return (
    <TableHeaderCell scope="col" numericColumn={numeric} aria-sort={direction}>
      <button type="button" className="utrecht-table__header-cell-button ks-sort-button" onClick={onSort}>
        {label}
        <SortIcon direction={direction} />
      </button>
    </TableHeaderCell>
  );
}

function SortIcon({ direction }: { direction: SortDirection | undefined }) {
  const points = { ascending: '4,11 8,5 12,11', descending: '4,5 8,11 12,5' };
  return (
    <svg
      className="ks-sort-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {direction ? (
        <polyline points={points[direction]} fill="none" stroke="currentColor" strokeWidth="2" />
      ) : (
        <path d="M4 6l4-4 4 4M4 10l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  );
}

/**
 * A failed load of figures: when the installation shows figures only after sign-in, say so with a link to
 * sign in and come back; otherwise the general message.
 */
export function FiguresLoadError({ error, what, here }: { error: unknown; what: string; here: string }) {
  if (isUnauthorized(error))
    return (
      <Paragraph>
        {texts.indicators.signInNeeded}{' '}
        <AppLink to="/inloggen" search={{ terug: here }}>
          {texts.indicators.signInLink}
        </AppLink>
      </Paragraph>
    );
  return <ErrorMessage>{texts.common.loadError(what)}</ErrorMessage>;
}
