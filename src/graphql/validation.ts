import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError } from '../common/domain-error';

/** Flattens class-validator errors to one { field: 'lessons.0.contentUrl', message } per bad field. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const [message] = Object.values(error.constraints ?? {});
    return [...(message ? [{ field, message }] : []), ...toFieldErrors(error.children ?? [], field)];
  });
}

/** class-validator on every input; a refusal is BAD_USER_INPUT listing each bad field. */
export const inputValidationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: false,
  validateCustomDecorators: false,
  exceptionFactory: (errors) => {
    const fields = toFieldErrors(errors);
    return new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${fields.map((f) => f.field).join(', ')}`, fields);
  },
});
