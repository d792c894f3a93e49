import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput, DomainError, ErrorCode, FieldError } from '../common/domain-error';

/** A UTF-16 surrogate that is not half of a pair: JSON and GraphQL escapes can carry one, no text can. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Flattens class-validator errors to one { field: 'lessons.0.contentUrl', message } per bad field. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const [message] = Object.values(error.constraints ?? {});
    return [...(message ? [{ field, message }] : []), ...toFieldErrors(error.children ?? [], field)];
  });
}

/** The path of the first string in `value` holding a lone surrogate ('' for `value` itself), if any. */
export function malformedTextPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = malformedTextPath(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses text that is not well-formed Unicode before class-validator sees it
 * (validator.js throws a URIError on a lone surrogate, which would be a 500),
 * in every argument, DTO or scalar.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // GraphQL arguments arrive as 'body'; the parent, context and viewer are not input.
    const path = metadata.type === 'body' ? malformedTextPath(value) : undefined;
    if (path !== undefined) throw badInput(path || metadata.data || 'input', 'must be well-formed Unicode text (no lone surrogate)');
    return super.transform(value, metadata);
  }
}

/** class-validator on every input; a refusal is BAD_USER_INPUT listing each bad field. */
export const inputValidationPipe = new InputValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  validateCustomDecorators: false,
  exceptionFactory: (errors) => {
    const fields = toFieldErrors(errors);
    return new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${fields.map((f) => f.field).join(', ')}`, fields);
  },
});
