import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString, IsUUID, Length, Min, ValidateIf } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { Trim } from '../../common/transforms';

export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

@InputType('ReviewModuleInput')
export class ReviewModuleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'moduleId must be a module id' })
  moduleId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ReviewDecision)
  @IsEnum(ReviewDecision)
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: 'Required (10+ chars) for REQUEST_CHANGES and REJECT.' })
  @Trim()
  @ValidateIf((input: ReviewModuleInput) => input.decision !== ReviewDecision.APPROVE || input.note != null)
  @IsString({ message: 'note is required (10 or more characters) for REQUEST_CHANGES and REJECT' })
  @Length(10, 2000, { message: 'note must be 10 to 2000 characters (required for REQUEST_CHANGES and REJECT)' })
  @PlainText()
  note?: string | null;
}
