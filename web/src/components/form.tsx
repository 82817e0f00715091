// SPDX-License-Identifier: EUPL-1.2
/**
 * Form pieces in the NL Design System way (as GOV.UK forms do it): each field has a visible label, an optional
 * description and, when wrong, an error message between label and input that the input refers to. After a failed
 * submit an error summary at the top of the form lists every problem, links to its field, and receives focus.
 */
import {
  Alert,
  Button,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import {
  type MouseEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { type FormErrors, NO_ERRORS } from '../lib/form-errors.ts';
import { texts } from '../texts.ts';

const t = texts.forms;

export interface FormErrorState {
  errors: FormErrors;
  /** Shows these errors and moves focus to the summary (when there are any). */
  show(errors: FormErrors): void;
  clear(): void;
  summaryRef: RefObject<HTMLDivElement | null>;
  /** The element id of a field of this form. */
  idOf(field: string): string;
}

export function useFormErrors(): FormErrorState {
  const baseId = useId();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [shownCount, setShownCount] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shownCount > 0) summaryRef.current?.focus();
  }, [shownCount]);
  const show = useCallback((next: FormErrors) => {
    setErrors(next);
    if (next.length > 0) setShownCount((count) => count + 1);
  }, []);
  const clear = useCallback(() => setErrors(NO_ERRORS), []);
  const idOf = useCallback((field: string) => `${baseId}-${field}`, [baseId]);
  return { errors, show, clear, summaryRef, idOf };
}

/** Moves focus to a field without changing the URL (its fragment may hold a token). */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}

/** "Er is een probleem", with each error; an error of a field links to it. */
export function ErrorSummary({ state, headingLevel = 2 }: { state: FormErrorState; headingLevel?: 2 | 3 }) {
  const headingId = useId();
  if (state.errors.length === 0) return null;
  return (
    <Alert type="error" ref={state.summaryRef} tabIndex={-1} className="ks-error-summary">
      <Heading level={headingLevel} id={headingId} className="ks-error-summary__heading">
        {t.errorSummaryHeading}
      </Heading>
      <ul className="ks-error-summary__list">
        {state.errors.map((error) => (
          <li key={`${error.field ?? ''}:${error.message}`}>
            {error.field ? (
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`#${state.idOf(error.field)}`}
                onClick={(event) => focusField(event, state.idOf(error.field ?? ''))}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  description?: ReactNode | undefined;
  error?: string | undefined;
  type?: 'checkbox';
  children: ReactNode;
}

/** The ids an input refers to with aria-describedby: its description and its error message. */
function describedBy(id: string, description: unknown, error: unknown): string | undefined {
  const ids = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function ErrorText({ id, error }: { id: string; error: string }) {
  return (
    <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
      <span className="ks-visually-hidden">{t.errorPrefix}</span>
      {error}
    </FormFieldErrorMessage>
  );
}

function FieldFrame({ id, label, description, error, children }: FieldFrameProps) {
  return (
    <FormField invalid={Boolean(error)} className="ks-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && <ErrorText id={id} error={error} />}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  description?: ReactNode | undefined;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'date' | 'url';
  autoComplete?: string;
  required?: boolean;
  readOnly?: boolean;
  spellCheck?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  className?: string;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  description,
  error,
  type = 'text',
  autoComplete,
  required,
  readOnly,
  spellCheck,
  inputRef,
  className,
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <Textbox
        id={id}
        ref={inputRef}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        required={required}
        readOnly={readOnly}
        spellCheck={spellCheck}
        invalid={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className={className}
      />
    </FieldFrame>
  );
}

interface FileFieldProps {
  id: string;
  label: ReactNode;
  /** The file types offered in the browser's file chooser, e.g. ".csv,text/csv" (the server still checks). */
  accept: string;
  onChange(file: File | null): void;
  description?: ReactNode | undefined;
  error?: string | undefined;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** One file to choose; the browser's own file input, since the design system has none. */
export function FileField({ id, label, accept, onChange, description, error, inputRef }: FileFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <input
        id={id}
        ref={inputRef}
        type="file"
        accept={accept}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className="ks-file-input"
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
  /** The first option, with the value "": "Kies een …" or "Geen …". */
  emptyOption?: string;
  description?: ReactNode | undefined;
  error?: string | undefined;
  required?: boolean;
}

export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  emptyOption,
  description,
  error,
  required,
}: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} description={description} error={error}>
      <Select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        invalid={Boolean(error)}
        aria-describedby={describedBy(id, description, error)}
      >
        {emptyOption !== undefined && <SelectOption value="">{emptyOption}</SelectOption>}
        {options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  description?: ReactNode | undefined;
  error?: string | undefined;
}

export function CheckboxField({ id, label, checked, onChange, description, error }: CheckboxFieldProps) {
  return (
    <FormField type="checkbox" invalid={Boolean(error)} className="ks-field">
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          <Checkbox
            id={id}
            className="utrecht-form-field__input"
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            invalid={Boolean(error)}
            aria-describedby={describedBy(id, description, error)}
          />
          {label}
        </FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={`${id}-description`} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && <ErrorText id={id} error={error} />}
    </FormField>
  );
}

/**
 * The submit button; while the request runs it says so (the form ignores a second submit meanwhile). A form
 * with two ways to submit tells them apart by `value` (the submit event's `submitter`).
 */
export function SubmitButton({
  busy,
  children,
  appearance = 'primary-action-button',
  value,
}: {
  busy: boolean;
  children: ReactNode;
  appearance?: 'primary-action-button' | 'secondary-action-button';
  value?: string;
}) {
  return (
    <Button type="submit" appearance={appearance} busy={busy} value={value} className="ks-submit">
      {children}
      {busy && <span className="ks-visually-hidden"> ({t.busy})</span>}
    </Button>
  );
}

/**
 * A polite live region that is always in the page, so a confirmation put into it ("De wijzigingen zijn
 * opgeslagen.") is read out.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="ks-status">
      {message && (
        <div className="utrecht-alert utrecht-alert--ok">
          <div className="utrecht-alert__content">
            <div className="utrecht-alert__message">
              <Paragraph>{message}</Paragraph>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
