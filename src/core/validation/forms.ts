/**
 * Parses a posted form with its schema into either typed data or the errors to show, with the user's input
 * kept so the form re-renders exactly as it was sent.
 */
import type { z } from 'zod';

export interface FieldError {
  field: string;
  /** Catalogue key of the message. */
  key: string;
  values?: Record<string, string | number>;
}

/** What a form posted, as strings; a field posted several times (a group of checkboxes) as a list. */
export type FormValues = Record<string, string | string[]>;

export interface FormState {
  values: FormValues;
  errors: FieldError[];
}

export const emptyForm: FormState = { values: {}, errors: [] };

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** The posted values, for re-rendering the form as it was sent. */
export function formValues(body: unknown): FormValues {
  if (!body || typeof body !== 'object') return {};
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((item): item is string => typeof item === 'string');
  }
  return values;
}

function issueValues(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  // A rule across rows of a form names the row (or the amounts) in its message.
  if (issue.code === 'custom' && issue.params) return issue.params as Record<string, string | number>;
  return undefined;
}

interface SchemaDefinition {
  type: string;
  shape?: Record<string, unknown>;
  left?: { _zod: { def: SchemaDefinition } };
  right?: { _zod: { def: SchemaDefinition } };
  in?: { _zod: { def: SchemaDefinition } };
}

/** The form's fields in the order the schema declares them (and the page shows them), through intersections and pipes. */
export function fieldOrder(schema: z.ZodType): string[] {
  const walk = (definition: SchemaDefinition): string[] => {
    if (definition.type === 'object' && definition.shape) return Object.keys(definition.shape);
    if (definition.type === 'intersection' && definition.left && definition.right)
      return [...walk(definition.left._zod.def), ...walk(definition.right._zod.def)];
    if (definition.type === 'pipe' && definition.in) return walk(definition.in._zod.def);
    return [];
  };
  return walk(schema._zod.def);
}

/**
 * The fields of a posted form that are valid on their own, each read by its own schema: when the form as a whole
 * fails, a use case can still check these against the records, so the form shows every problem in one round.
 */
export function validFields<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, body: unknown): Partial<z.output<z.ZodObject<Shape>>> {
  const posted = (body ?? {}) as Record<string, unknown>;
  const valid: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const result = (field as z.ZodType).safeParse(posted[name]);
    if (result.success) valid[name] = result.data;
  }
  return valid as Partial<z.output<z.ZodObject<Shape>>>;
}

/** Zod issues as field errors, one per field (the first problem is the one worth fixing first). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (errors.some((existing) => existing.field === field)) continue;
    const values = issueValues(issue);
    errors.push(values ? { field, key: issue.message, values } : { field, key: issue.message });
  }
  return errors;
}

/** Errors in the order of the form's fields on the page, whatever rule found them; errors of no field come last. */
function inFieldOrder(schema: z.ZodType, errors: FieldError[]): FieldError[] {
  const order = fieldOrder(schema);
  const position = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return errors.sort((a, b) => position(a.field) - position(b.field));
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, state: { values: formValues(body), errors: inFieldOrder(schema, fieldErrors(result.error)) } };
}

/**
 * The form as posted with its fields' own errors and a use case's refusals (what the fields refer to) together, one
 * message per field (the field's own first), in the order of the fields: every problem of the form in one round.
 */
export function withRefusals(
  schema: z.ZodType,
  body: unknown,
  errors: readonly FieldError[],
  refusals: readonly { reason: string; field?: string }[],
  keyPrefix: string,
): FormState {
  const all = [...errors];
  for (const refusal of refusals) {
    const field = refusal.field ?? 'form';
    if (!all.some((error) => error.field === field)) all.push({ field, key: `${keyPrefix}.${refusal.reason}` });
  }
  return { values: formValues(body), errors: inFieldOrder(schema, all) };
}

/** A form state with one more error, e.g. a refusal from a use case tied to a field. */
export function withError(state: FormState, error: FieldError): FormState {
  return { values: state.values, errors: [...state.errors, error] };
}

export function stateFrom(body: unknown, errors: FieldError[]): FormState {
  return { values: formValues(body), errors };
}

/** The form as posted, with a use case's refusal shown against its field (or the form as a whole). */
export function refusalState(body: unknown, refusal: { reason: string; field?: string }, keyPrefix: string): FormState {
  return stateFrom(body, [{ field: refusal.field ?? 'form', key: `${keyPrefix}.${refusal.reason}` }]);
}
