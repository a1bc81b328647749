/**
 * Accessible form parts following the GOV.UK pattern: an error summary at the top linking to each field, the
 * same message above the field, hints tied with aria-describedby, browser validation off (the server speaks).
 */
import type { ComponentChildren } from 'preact';
import type { FieldError, FormState } from '../../validation/forms.js';
import { useView } from '../context.js';

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string');
  return present.length ? present.join(' ') : undefined;
}

export function errorFor(state: FormState | undefined, name: string): FieldError | undefined {
  return state?.errors.find((error) => error.field === name);
}

function useMessage(error: FieldError | undefined): string | undefined {
  const { t } = useView();
  return error ? t(error.key, error.values) : undefined;
}

/** "There is a problem": every error, each a link that moves focus to its field. */
export function ErrorSummary({ state, anchors = {} }: { state: FormState | undefined; anchors?: Record<string, string> }) {
  const { t } = useView();
  if (!state || state.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-module="error-summary">
      <h2 id="error-summary-title" class="error-summary__title">
        {t('common.errors.summaryTitle')}
      </h2>
      <ul class="error-summary__list">
        {state.errors.map((error, index) => (
          <li key={index}>
            <a href={`#${anchors[error.field] ?? fieldId(error.field)}`}>{t(error.key, error.values)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useView();
  if (!message) return null;
  return (
    <p id={id} class="field-error">
      <span class="visually-hidden">{t('common.errors.prefix')}</span> {message}
    </p>
  );
}

interface InputProps {
  name: string;
  label: string;
  state?: FormState | undefined;
  hint?: string | undefined;
  /** The value shown when the form has not been posted yet. */
  value?: string | null | undefined;
  type?: 'text' | 'email' | 'url' | 'password' | 'date' | 'datetime-local' | 'search' | 'number';
  autocomplete?: string;
  inputMode?: 'text' | 'email' | 'url' | 'numeric' | 'decimal';
  width?: 'short' | 'medium' | 'long';
  spellcheck?: boolean;
}

function currentValue(state: FormState | undefined, name: string, value: string | null | undefined): string {
  if (!state || !(name in state.values)) return value ?? '';
  const posted = state.values[name];
  return Array.isArray(posted) ? (posted[0] ?? '') : (posted ?? '');
}

export function TextField({ name, label, state, hint, value, type = 'text', autocomplete, inputMode, width = 'long', spellcheck }: InputProps) {
  const id = fieldId(name);
  const error = errorFor(state, name);
  const message = useMessage(error);
  const shown = type === 'password' ? '' : currentValue(state, name, value);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldMessage id={`${id}-error`} message={message} />
      <input
        class={`input input--${width}`}
        id={id}
        name={name}
        // preact types an input's attributes per input type, so a variable type needs narrowing to one of them.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={type as 'text'}
        value={shown}
        autocomplete={autocomplete}
        inputMode={inputMode}
        spellcheck={spellcheck}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
      />
    </div>
  );
}

export function TextArea({ name, label, state, hint, value, rows = 5 }: Omit<InputProps, 'type'> & { rows?: number }) {
  const id = fieldId(name);
  const error = errorFor(state, name);
  const message = useMessage(error);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldMessage id={`${id}-error`} message={message} />
      <textarea
        class="textarea"
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
      >
        {currentValue(state, name, value)}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  /** Options with a group are shown under an optgroup of that name, in the order groups first appear. */
  group?: string;
}

function OptionList({ options, selected }: { options: Option[]; selected: string }) {
  const renderOption = (option: Option) => (
    <option key={option.value} value={option.value} selected={option.value === selected}>
      {option.label}
    </option>
  );
  const groups = [...new Set(options.map((option) => option.group))];
  if (groups.every((group) => group === undefined)) return <>{options.map(renderOption)}</>;
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group ?? ''} label={group ?? ''}>
          {options.filter((option) => option.group === group).map(renderOption)}
        </optgroup>
      ))}
    </>
  );
}

export function SelectField({ name, label, state, hint, value, options, placeholder }: Omit<InputProps, 'type'> & { options: Option[]; placeholder?: string }) {
  const id = fieldId(name);
  const error = errorFor(state, name);
  const message = useMessage(error);
  const selected = currentValue(state, name, value);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldMessage id={`${id}-error`} message={message} />
      <select
        class="select"
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        <OptionList options={options} selected={selected} />
      </select>
    </div>
  );
}

/**
 * Radios or checkboxes under one legend; the error summary links to the first input. Radio and checkbox groups
 * differ only in the input type, its classes and how many values may be chosen.
 */
function ChoiceFieldset({ type, name, legend, state, hint, chosen, options }: { type: 'radio' | 'checkbox'; name: string; legend: string; state: FormState | undefined; hint: string | undefined; chosen: string[]; options: Option[] }) {
  const id = fieldId(name);
  const error = errorFor(state, name);
  const message = useMessage(error);
  const classes = type === 'radio' ? { group: 'radios', item: 'radios__item', input: 'radios__input', label: 'radios__label' } : { group: 'checkboxes', item: 'checkbox', input: 'checkbox__input', label: 'checkbox__label' };
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}>
        <legend class="fieldset__legend">{legend}</legend>
        {hint ? (
          <p id={`${id}-hint`} class="field__hint">
            {hint}
          </p>
        ) : null}
        <FieldMessage id={`${id}-error`} message={message} />
        <div class={classes.group}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index}`;
            return (
              <div class={classes.item} key={option.value}>
                <input class={classes.input} id={optionId} type={type} name={name} value={option.value} checked={chosen.includes(option.value)} />
                <label class={classes.label} for={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** One choice among a few, as radios. */
export function RadioGroup({ name, legend, state, hint, value, options }: { name: string; legend: string; state?: FormState | undefined; hint?: string; value?: string | null | undefined; options: Option[] }) {
  const selected = currentValue(state, name, value);
  return <ChoiceFieldset type="radio" name={name} legend={legend} state={state} hint={hint} chosen={[selected]} options={options} />;
}

export function Checkbox({ name, label, state, hint, checked }: { name: string; label: string; state?: FormState | undefined; hint?: string; checked?: boolean }) {
  const id = fieldId(name);
  const error = errorFor(state, name);
  const message = useMessage(error);
  const isChecked = state && Object.keys(state.values).length > 0 ? name in state.values : Boolean(checked);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <FieldMessage id={`${id}-error`} message={message} />
      <div class="checkbox">
        <input
          class="checkbox__input"
          id={id}
          type="checkbox"
          name={name}
          value="yes"
          checked={isChecked}
          aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
        />
        <label class="checkbox__label" for={id}>
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Several choices under one legend (e.g. themes), as checkboxes. */
export function CheckboxGroup({ name, legend, state, hint, values = [], options }: { name: string; legend: string; state?: FormState | undefined; hint?: string; values?: string[]; options: Option[] }) {
  const posted = state && Object.keys(state.values).length > 0 ? state.values[name] : undefined;
  const checked = state && Object.keys(state.values).length > 0 ? (Array.isArray(posted) ? posted : posted ? [posted] : []) : values;
  return <ChoiceFieldset type="checkbox" name={name} legend={legend} state={state} hint={hint} chosen={checked} options={options} />;
}

/** A file input; every problem with the files chosen (one per file) is shown above it and linked from the summary. */
export function FileField({ name, label, hint, state, accept, multiple }: { name: string; label: string; hint: string; state?: FormState | undefined; accept: string; multiple?: boolean }) {
  const { t } = useView();
  const id = fieldId(name);
  const errors = state?.errors.filter((error) => error.field === name) ?? [];
  return (
    <div class={`field${errors.length ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {errors.map((error, index) => (
        <FieldMessage key={index} id={`${id}-error${index ? `-${index}` : ''}`} message={t(error.key, error.values)} />
      ))}
      <input
        class="file-input"
        type="file"
        id={id}
        name={name}
        multiple={multiple}
        accept={accept}
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={describedBy(`${id}-hint`, ...errors.map((_error, index) => `${id}-error${index ? `-${index}` : ''}`))}
      />
    </div>
  );
}

/** The CSRF field travels with every submit button, so no form can forget it. */
export function SubmitButton({ children, variant = 'primary', name, value }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning' | 'link'; name?: string; value?: string }) {
  const { csrfToken } = useView();
  return (
    <>
      <input type="hidden" name="_csrf" value={csrfToken()} />
      <button type="submit" class={`button button--${variant}`} name={name} value={value}>
        {children}
      </button>
    </>
  );
}

export function Form({ action, children, method = 'post', class: className, label }: { action: string; children: ComponentChildren; method?: 'post' | 'get'; class?: string; label?: string }) {
  return (
    <form action={action} method={method} noValidate class={className} aria-label={label}>
      {children}
    </form>
  );
}
