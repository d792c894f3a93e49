import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DomainError, ErrorCode } from '../common/domain-error';
import { malformedTextPath } from '../graphql/validation';

/** Field name → the message shown beside it. '_form' holds a message for the whole form. */
export type FormErrors = Record<string, string>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** Indonesian wording for class-validator's constraints; the numbers come from the rule's own English message. */
const MESSAGES: Record<string, (numbers: string[]) => string> = {
  isEmail: () => 'Tulis alamat email yang benar, misalnya nama@contoh.id.',
  isLength: ([min, max]) => (max ? `Panjangnya ${min} sampai ${max} karakter.` : `Paling sedikit ${min} karakter.`),
  minLength: ([min]) => `Paling sedikit ${min} karakter.`,
  maxLength: ([max]) => `Paling banyak ${max} karakter.`,
  isNotEmpty: () => 'Wajib diisi.',
  isString: () => 'Wajib diisi.',
  isInt: () => 'Tulis bilangan bulat.',
  min: ([min]) => `Paling kecil ${min}.`,
  max: ([max]) => `Paling besar ${max}.`,
  isIn: () => 'Pilih salah satu pilihan yang ada.',
  isEnum: () => 'Pilih salah satu pilihan yang ada.',
  arrayMaxSize: ([max]) => `Paling banyak ${max} pilihan.`,
  isUrl: () => 'Tulis alamat web lengkap yang diawali https://.',
};

/** The message beside one field: the Indonesian wording of its first failed rule, else the rule's own message. */
function messageOf(error: ValidationError): string | undefined {
  const [entry] = Object.entries(error.constraints ?? {});
  if (!entry) return undefined;
  const [constraint, message] = entry;
  const translate = MESSAGES[constraint];
  return translate ? translate(message.match(/\d+/g) ?? []) : message;
}

function collect(errors: ValidationError[], into: FormErrors, prefix = ''): FormErrors {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = messageOf(error);
    if (message && !(field in into)) into[field] = message;
    collect(error.children ?? [], into, field);
  }
  return into;
}

/**
 * Validates form values with the same input class (and so the same
 * class-validator rules and transforms) as the GraphQL mutation.
 */
export async function readForm<T extends object>(inputClass: ClassConstructor<T>, values: Record<string, unknown>): Promise<FormResult<T>> {
  const malformed = malformedTextPath(values);
  if (malformed !== undefined) return { ok: false, errors: { [malformed || '_form']: 'Teks ini memuat karakter yang tidak sah.' } };
  const value = plainToInstance(inputClass, values);
  const errors = await validate(value, { whitelist: true, forbidUnknownValues: false });
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: collect(errors, {}) };
}

/** Wording for a service's refusal: per field (e.g. a CONFLICT on email) or per code for the whole form. */
export interface RefusalWording {
  fields?: Record<string, string>;
  codes?: Partial<Record<ErrorCode, string>>;
}

/**
 * The form errors a service's refusal carries: its fields (BAD_USER_INPUT, or
 * a CONFLICT naming a field), or a whole-form message for a code the page
 * words; any other error is rethrown to the error page.
 */
export function formErrorsOf(error: unknown, wording: RefusalWording = {}): FormErrors {
  if (!(error instanceof DomainError)) throw error;
  const handled = error.code === ErrorCode.BAD_USER_INPUT || error.code === ErrorCode.CONFLICT;
  if (handled && error.fields?.length) {
    return Object.fromEntries(error.fields.map((field) => [field.field, wording.fields?.[field.field] ?? field.message]));
  }
  const whole = wording.codes?.[error.code];
  if (whole) return { _form: whole };
  throw error;
}

/** A form value as a list: absent → [], one value → [value] (repeated keys already arrive as arrays). */
export function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/** A form value as one string ('' when absent or sent more than once). */
export const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
