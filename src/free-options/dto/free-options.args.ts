import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/transforms';

@ArgsType()
export class FreeOptionsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 10 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Text to match, e.g. the title of a paid training the beneficiary can no longer afford." })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'like must be at most 200 characters' })
  like?: string | null;
}
