import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from './csrf';
import { FormErrors } from './form';
import { PageContext } from './page-context';

/** The hidden CSRF field every POST form carries. */
export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name={CSRF_FIELD} value={ctx.csrfToken} />;
}

interface FieldProps {
  name: string;
  label: string;
  errors?: FormErrors;
  hint?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A labelled control with its hint and its error beside it (aria-describedby, aria-invalid). */
export function Field({ name, label, errors, hint, children }: FieldProps) {
  const error = errors?.[name];
  const hintId = hint ? `${name}-petunjuk` : undefined;
  const errorId = error ? `${name}-galat` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children(describedBy, Boolean(error))}
      {error && (
        <p class="error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  value?: string;
  errors?: FormErrors;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'number' | 'url';
  autocomplete?: string;
  inputMode?: 'numeric' | 'text' | 'email';
  required?: boolean;
  maxLength?: number;
}

export function TextField({ name, label, value, errors, hint, type = 'text', autocomplete, inputMode, required, maxLength }: TextFieldProps) {
  return (
    <Field name={name} label={label} errors={errors} hint={hint}>
      {(describedBy, invalid) => (
        <input
          id={name}
          name={name}
          // Preact types each input type separately; every type here takes the attributes below.
          type={type as 'text'}
          value={type === 'password' ? undefined : value}
          autocomplete={autocomplete}
          inputMode={inputMode}
          required={required}
          maxLength={maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </Field>
  );
}

/** The list of what to fix, at the top of a refused form, each linking to its field. */
export function ErrorSummary({ errors, labels }: { errors: FormErrors | undefined; labels: Record<string, string> }) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="notice bad" role="alert">
      <p>
        <strong>Periksa lagi isian berikut:</strong>
      </p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {labels[field] ? <a href={`#${field}`}>{`${labels[field]}: ${message}`}</a> : message}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ChoiceFilterProps {
  /** The page the GET form reloads. */
  action: string;
  id: string;
  name: string;
  label: string;
  /** [value, label] in the order shown. */
  choices: readonly (readonly [string, string])[];
  selected: string | null | undefined;
  /** A first choice with the empty value ("every status"), when the page has one. */
  anyLabel?: string;
  /** With JavaScript, the regions (data-live) refreshed in place of a reload. */
  live?: string;
}

/** A list page's filter by one choice (a status): a GET form, so it works without JavaScript and the URL can be shared. */
export function ChoiceFilter({ action, id, name, label, choices, selected, anyLabel, live }: ChoiceFilterProps) {
  return (
    <form method="get" action={action} class="filter" data-live={live} data-auto-submit={live ? undefined : true}>
      <label for={id}>{label}</label>
      <div class="search">
        <select id={id} name={name}>
          {anyLabel !== undefined && <option value="">{anyLabel}</option>}
          {choices.map(([value, text]) => (
            <option key={value} value={value} selected={value === selected}>
              {text}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          Tampilkan
        </button>
      </div>
    </form>
  );
}
