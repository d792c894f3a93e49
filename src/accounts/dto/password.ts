import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** The password rules of registration, for every field that sets a password. */
export const NewPassword = () =>
  applyDecorators(
    IsString(),
    MinLength(10, { message: '$property must be at least 10 characters' }),
    MaxLength(200, { message: '$property must be at most 200 characters' }),
  );
