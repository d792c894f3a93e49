import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { Trim } from '../../common/transforms';
import { NewPassword } from './password';

@ArgsType()
export class LogoutArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'false: only the token of this request (a shared phone); true: every token of the account.' })
  @IsBoolean()
  everywhere!: boolean;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @Length(1, 200, { message: 'currentPassword is required (at most 200 characters)' })
  currentPassword!: string;

  @Field({ description: 'At least 10 characters, not the current password.' })
  @NewPassword()
  newPassword!: string;
}

@ArgsType()
export class AccountArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id' })
  userId!: string;
}

@ArgsType()
export class SuspendAccountArgs extends AccountArgs {
  @Field({ description: 'Why, for the record: 5 to 1000 characters.' })
  @Trim()
  @IsString()
  @Length(5, 1000, { message: 'reason must be 5 to 1000 characters' })
  reason!: string;
}
