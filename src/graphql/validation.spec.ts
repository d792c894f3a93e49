import { IsEmail } from 'class-validator';
import { DomainError, ErrorCode } from '../common/domain-error';
import { inputValidationPipe, malformedTextPath } from './validation';

class EmailInput {
  @IsEmail()
  email!: string;
}

describe('text that is not well-formed Unicode', () => {
  it('is found wherever it hides, by path', () => {
    expect(malformedTextPath('ok 👍')).toBeUndefined();
    expect(malformedTextPath('\uD800')).toBe('');
    expect(malformedTextPath({ title: 'ok', lessons: [{ body: 'ok' }, { body: 'x\uDFFF' }] })).toBe('lessons.1.body');
    expect(malformedTextPath({ n: 1, none: null, list: ['a', 'b'] })).toBeUndefined();
  });

  it('is refused as BAD_USER_INPUT on its field before a validator can throw on it', async () => {
    const refusal = await inputValidationPipe.transform({ email: '\uDFFF@example.id' }, { type: 'body', metatype: EmailInput, data: 'input' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'email' }] });
    const scalar = await inputValidationPipe.transform('a\uD83D', { type: 'body', metatype: String, data: 'slug' }).catch((error: unknown) => error);
    expect(scalar).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'slug' }] });
  });

  it('lets well-formed text through to class-validator', async () => {
    await expect(inputValidationPipe.transform({ email: 'sari👍@example.id' }, { type: 'body', metatype: EmailInput, data: 'input' })).rejects.toMatchObject({ fields: [{ field: 'email' }] });
    await expect(inputValidationPipe.transform({ email: 'sari@example.id' }, { type: 'body', metatype: EmailInput, data: 'input' })).resolves.toEqual({ email: 'sari@example.id' });
  });
});
