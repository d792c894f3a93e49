import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { Trim } from '../../common/transforms';

@InputType('RecordCreditSpendInput')
export class RecordCreditSpendInput {
  @Field()
  @Trim()
  @Matches(/^\d{16}$/, { message: 'prakerjaCardNumber must be exactly 16 digits' })
  prakerjaCardNumber!: string;

  @Field(() => Int, { description: 'Positive.' })
  @IsInt({ message: 'amountIdr must be a whole number of rupiah' })
  @Min(1, { message: 'amountIdr must be positive' })
  @Max(100_000_000, { message: 'amountIdr must be at most 100000000' })
  amountIdr!: number;

  @Field({ description: "Idempotency key from the programme's platform: the same reference twice records one spend." })
  @Trim()
  @IsString()
  @Length(1, 200, { message: 'reference must be 1 to 200 characters' })
  reference!: string;

  @Field(() => String, {
    nullable: true,
    description: "What was bought (the paid course's title, 1..200 chars). The CREDIT_EXHAUSTED free options are chosen to be like it.",
  })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'courseTitle must be 1 to 200 characters' })
  @PlainText()
  courseTitle?: string | null;
}
