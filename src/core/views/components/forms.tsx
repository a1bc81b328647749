/**
 * Accessible form parts following the GOV.UK pattern: an error summary at the top linking to each field, the
 * same message above the field, hints tied with aria-describedby, browser validation off (the server speaks).
 * Every field is drawn by one wrapper, `Field`, so the label, hint, messages and their wiring are written once.
 */
import { createContext, type ComponentChildren, type JSX } from 'preact';
import { useContext } from 'preact/hooks';
import type { UploadLimits } from '../../http/uploads.js';
import type { FieldError, FormState } from '../../validation/forms.js';
import { useView, type KeptView, type OfferedUpload } from '../context.js';

/**
 * A kept form (core/http/kept) fills in the form with its action on the page it came from: its fields read the kept
 * state when the page gives them none, so every page's forms are filled in without a change of their own.
 */
const KeptForm = createContext<KeptView | null>(null);

/** The state a field shows: that of the kept form being shown again, else the page's. */
function useFormState(state: FormState | undefined): FormState | undefined {
  const kept = useContext(KeptForm);
  // A page showing a kept form gives its fields an empty state (it was opened, not posted): the kept one wins.
  return kept ? kept.state : state;
}

/** The field carrying the ids of kept files (core/http/uploads keptUploadField). */
const keptUploadField = '_kept_upload';

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

/** The first error of a field, as the list a `Field` takes (fields show one message; a file field one per file). */
function firstErrorOf(state: FormState | undefined, name: string): FieldError[] {
  const error = errorFor(state, name);
  return error ? [error] : [];
}

/**
 * "There is a problem": every error of the form, each a link that moves focus to its field. A refusal that belongs to
 * no field (an import refused, an action the platform would not take) is given as children, shown above the links.
 */
export interface ErrorSummaryProps {
  state?: FormState | undefined;
  /** Where the link of a field's error leads when not to the field's own id (a row of a repeated field). */
  anchors?: Record<string, string>;
  /** The heading, when the page says more than "There is a problem" (such as what was not done). */
  title?: string | undefined;
  children?: ComponentChildren;
}

export function ErrorSummary({ state: given, anchors = {}, title, children }: ErrorSummaryProps) {
  const { t, kept, sawForm } = useView();
  if (given) sawForm?.(given);
  const state = given?.errors.length ? given : (kept?.state ?? given);
  const errors = state?.errors ?? [];
  if (errors.length === 0 && (children === undefined || children === null || children === false)) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-module="error-summary">
      <h2 id="error-summary-title" class="error-summary__title">
        {title ?? t('common.errors.summaryTitle')}
      </h2>
      {children}
      {errors.length ? (
        <ul class="error-summary__list">
          {errors.map((error, index) => (
            <li key={index}>
              <a href={`#${anchors[error.field] ?? fieldId(error.field)}`}>{t(error.key, error.values)}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What a field's control carries from its wrapper: its id, and the hint and messages that describe it. */
export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': 'true' | undefined;
}

interface FieldProps {
  id: string;
  /** The label of the control, or the legend of a group of controls. */
  label: string;
  hint?: string | undefined;
  /** The problems shown at the field, each as its own message (the summary links to the field's id). */
  errors?: FieldError[];
  /**
   * `stacked`: label, hint, messages, then the control (text, select, file). `group`: a fieldset whose legend, hint
   * and messages describe several inputs. `inline`: one checkbox, its label after it and its hint below.
   */
  layout?: 'stacked' | 'group' | 'inline';
  children: (control: FieldControl) => ComponentChildren;
}

/** The one wrapper of every field: label (or legend), hint and error messages, and the aria wiring between them. */
export function Field({ id, label, hint, errors = [], layout = 'stacked', children }: FieldProps) {
  const { t } = useView();
  const hintId = `${id}-hint`;
  const messageIds = errors.map((_error, index) => `${id}-error${index ? `-${index}` : ''}`);
  const described = describedBy(hint ? hintId : undefined, ...messageIds);
  const control: FieldControl = { id, 'aria-describedby': described, 'aria-invalid': errors.length ? 'true' : undefined };
  const hintLine = hint ? (
    <p id={hintId} class="field__hint">
      {hint}
    </p>
  ) : null;
  const messages = errors.map((error, index) => (
    <p key={index} id={messageIds[index]} class="field-error">
      <span class="visually-hidden">{t('common.errors.prefix')}</span> {t(error.key, error.values)}
    </p>
  ));
  const fieldClass = `field${errors.length ? ' field--error' : ''}`;
  if (layout === 'group') {
    return (
      <div class={fieldClass}>
        <fieldset class="fieldset" aria-describedby={described}>
          <legend class="fieldset__legend">{label}</legend>
          {hintLine}
          {messages}
          {children(control)}
        </fieldset>
      </div>
    );
  }
  if (layout === 'inline') {
    return (
      <div class={fieldClass}>
        {messages}
        <div class="checkbox">
          {children(control)}
          <label class="checkbox__label" for={id}>
            {label}
          </label>
        </div>
        {hintLine}
      </div>
    );
  }
  return (
    <div class={fieldClass}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hintLine}
      {messages}
      {children(control)}
    </div>
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

export function TextField({ name, label, state: given, hint, value, type = 'text', autocomplete, inputMode, width = 'long', spellcheck }: InputProps) {
  const state = useFormState(given);
  const shown = type === 'password' ? '' : currentValue(state, name, value);
  return (
    <Field id={fieldId(name)} label={label} hint={hint} errors={firstErrorOf(state, name)}>
      {(control) => (
        <input
          class={`input input--${width}`}
          {...control}
          name={name}
          // preact types an input's attributes per input type, so a variable type needs narrowing to one of them.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          type={type as 'text'}
          value={shown}
          autocomplete={autocomplete}
          inputMode={inputMode}
          spellcheck={spellcheck}
        />
      )}
    </Field>
  );
}

export function TextArea({ name, label, state: given, hint, value, rows = 5 }: Omit<InputProps, 'type'> & { rows?: number }) {
  const state = useFormState(given);
  return (
    <Field id={fieldId(name)} label={label} hint={hint} errors={firstErrorOf(state, name)}>
      {(control) => (
        <textarea class="textarea" {...control} name={name} rows={rows}>
          {currentValue(state, name, value)}
        </textarea>
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
  /** Options with a group are shown under an optgroup of that name, in the order groups first appear. */
  group?: string;
}

/** The options of a select, the chosen one selected, under optgroups when the options name groups. */
export function OptionList({ options, selected }: { options: Option[]; selected: string }) {
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

export function SelectField({
  name,
  label,
  state: given,
  hint,
  value,
  options,
  placeholder,
}: Omit<InputProps, 'type'> & { options: Option[]; placeholder?: string }) {
  const state = useFormState(given);
  const selected = currentValue(state, name, value);
  return (
    <Field id={fieldId(name)} label={label} hint={hint} errors={firstErrorOf(state, name)}>
      {(control) => (
        <select class="select" {...control} name={name}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          <OptionList options={options} selected={selected} />
        </select>
      )}
    </Field>
  );
}

/**
 * Radios or checkboxes under one legend; the error summary links to the first input. Radio and checkbox groups
 * differ only in the input type, its classes and how many values may be chosen.
 */
function ChoiceFieldset({
  type,
  name,
  legend,
  state,
  hint,
  chosen,
  options,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  legend: string;
  state: FormState | undefined;
  hint: string | undefined;
  chosen: string[];
  options: Option[];
}) {
  const classes =
    type === 'radio'
      ? { group: 'radios', item: 'radios__item', input: 'radios__input', label: 'radios__label' }
      : { group: 'checkboxes', item: 'checkbox', input: 'checkbox__input', label: 'checkbox__label' };
  return (
    <Field id={fieldId(name)} label={legend} hint={hint} errors={firstErrorOf(state, name)} layout="group">
      {({ id }) => (
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
      )}
    </Field>
  );
}

/** One choice among a few, as radios. */
export function RadioGroup({
  name,
  legend,
  state: given,
  hint,
  value,
  options,
}: {
  name: string;
  legend: string;
  state?: FormState | undefined;
  hint?: string;
  value?: string | null | undefined;
  options: Option[];
}) {
  const state = useFormState(given);
  const selected = currentValue(state, name, value);
  return <ChoiceFieldset type="radio" name={name} legend={legend} state={state} hint={hint} chosen={[selected]} options={options} />;
}

/** Whether the form was posted: an unticked checkbox is then absent from its values rather than at its default. */
function posted(state: FormState | undefined): state is FormState {
  return Boolean(state && Object.keys(state.values).length > 0);
}

export function Checkbox({
  name,
  label,
  state: given,
  hint,
  checked,
}: {
  name: string;
  label: string;
  state?: FormState | undefined;
  hint?: string;
  checked?: boolean;
}) {
  const state = useFormState(given);
  const isChecked = posted(state) ? name in state.values : Boolean(checked);
  return (
    <Field id={fieldId(name)} label={label} hint={hint} errors={firstErrorOf(state, name)} layout="inline">
      {(control) => <input class="checkbox__input" {...control} type="checkbox" name={name} value="yes" checked={isChecked} />}
    </Field>
  );
}

/** Several choices under one legend (e.g. themes), as checkboxes. */
export function CheckboxGroup({
  name,
  legend,
  state: given,
  hint,
  values = [],
  options,
}: {
  name: string;
  legend: string;
  state?: FormState | undefined;
  hint?: string;
  values?: string[];
  options: Option[];
}) {
  const state = useFormState(given);
  const sent = posted(state) ? state.values[name] : undefined;
  const checked = posted(state) ? (Array.isArray(sent) ? sent : sent ? [sent] : []) : values;
  return <ChoiceFieldset type="checkbox" name={name} legend={legend} state={state} hint={hint} chosen={checked} options={options} />;
}

/** The limits of an upload in words, from the numbers the route enforces: one file's size, or the count and sizes of several. */
function useLimitsText(limits: UploadLimits): string {
  const { t } = useView();
  return limits.files === 1
    ? t('common.uploads.limitOne', { megabytes: limits.fileMegabytes })
    : t('common.uploads.limitMany', { files: limits.files, megabytes: limits.fileMegabytes, total: limits.totalMegabytes });
}

/**
 * A file input whose hint ends with the limits the route enforces; every problem with the files chosen (one per
 * file) is shown above it and linked from the summary.
 */
export interface FileFieldProps {
  name: string;
  label: string;
  /** What the files should be; the limits are added after it. */
  hint: string;
  state?: FormState | undefined;
  accept: string;
  /** The limits the route enforces (the same object it gives acceptUploads); more than one file makes it `multiple`. */
  limits: UploadLimits;
}

/** The files kept for this field: accepted on the refused form just sent, or kept with a form shown again. */
function useKeptFiles(name: string, errors: FieldError[]): OfferedUpload[] {
  const { offeredUploads } = useView();
  const kept = useContext(KeptForm);
  const fromKept = (kept?.files ?? []).flatMap((file) =>
    file.field === name && file.id ? [{ id: file.id, filename: file.filename, sizeBytes: file.sizeBytes }] : [],
  );
  return [...(offeredUploads?.(name, errors) ?? []), ...fromKept];
}

/**
 * The files of a refused form: those kept, each a ticked box ("Kept: report.pdf (120 KB)"; untick to remove) whose id
 * the form sends back in place of the file, and those to choose again, each named.
 */
function KeptFiles({ name, errors }: { name: string; errors: FieldError[] }) {
  const { t, formatNumber, lostUploads } = useView();
  const kept = useContext(KeptForm);
  const files = useKeptFiles(name, errors);
  const lost = [...(lostUploads?.(name) ?? []), ...(kept?.lostFiles ?? [])];
  if (files.length === 0 && lost.length === 0) return null;
  return (
    <div class="kept-files">
      {files.map((file, index) => {
        const id = `${fieldId(name)}-kept-${index}`;
        return (
          <div class="checkbox" key={file.id}>
            <input class="checkbox__input" id={id} type="checkbox" name={keptUploadField} value={file.id} checked />
            <label class="checkbox__label" for={id}>
              {t('common.kept.keptFile', { filename: file.filename, size: formatNumber(Math.max(1, Math.round(file.sizeBytes / 1024))) })}
            </label>
          </div>
        );
      })}
      {files.length ? <p class="field__hint">{t('common.kept.keptFileHint')}</p> : null}
      {lost.length ? (
        <p class="field__hint">
          <strong>{t('common.kept.chooseAgain', { files: lost.join(', ') })}</strong>
        </p>
      ) : null}
    </div>
  );
}

export function FileField({ name, label, hint, state: given, accept, limits }: FileFieldProps) {
  const state = useFormState(given);
  const limitsText = useLimitsText(limits);
  const errors = state?.errors.filter((error) => error.field === name) ?? [];
  return (
    <Field id={fieldId(name)} label={label} hint={`${hint} ${limitsText}`} errors={errors}>
      {(control) => (
        <>
          <KeptFiles name={name} errors={errors} />
          <input class="file-input" type="file" {...control} name={name} multiple={limits.files > 1 ? true : undefined} accept={accept} />
        </>
      )}
    </Field>
  );
}

/** The CSRF field travels with every submit button, so no form can forget it. */
export function SubmitButton({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'warning' | 'link';
  name?: string;
  value?: string;
}) {
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

/** The kept form this form is, if the page shows one for its action: it is then filled in and says so at its top. */
function useKept(action: string, method = 'post'): KeptView | null {
  const { kept } = useView();
  if (!kept || method !== 'post' || kept.action !== action) return null;
  kept.placed = true;
  return kept;
}

function KeptNotice() {
  const { t } = useView();
  return (
    <div class="notification notification--info" role="status">
      <p>{t('common.kept.restored')}</p>
    </div>
  );
}

export function Form({
  action,
  children,
  method = 'post',
  class: className,
  label,
}: {
  action: string;
  children: ComponentChildren;
  method?: 'post' | 'get';
  class?: string;
  label?: string;
}) {
  const kept = useKept(action, method);
  return (
    <form action={action} method={method} noValidate class={className} aria-label={label}>
      {kept ? (
        <KeptForm.Provider value={kept}>
          <KeptNotice />
          {children}
        </KeptForm.Provider>
      ) : (
        children
      )}
    </form>
  );
}

/**
 * A form that sends files (multipart, as core/http/uploads reads them): its fields, then the submit button, which
 * carries the CSRF token after the files, where the upload parser expects it. `submit` is the primary button's label,
 * or the buttons themselves when the form offers more than one.
 */
export function UploadForm({ action, submit, children }: { action: string; submit: string | JSX.Element; children: ComponentChildren }) {
  const kept = useKept(action);
  const button = typeof submit === 'string' ? <SubmitButton>{submit}</SubmitButton> : submit;
  return (
    <form action={action} method="post" encType="multipart/form-data" noValidate>
      {kept ? (
        <KeptForm.Provider value={kept}>
          <KeptNotice />
          {children}
          {button}
        </KeptForm.Provider>
      ) : (
        <>
          {children}
          {button}
        </>
      )}
    </form>
  );
}
