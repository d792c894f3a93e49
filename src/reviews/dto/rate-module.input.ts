import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../common/transforms';

@InputType('RateModuleInput')
export class RateModuleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'moduleId must be a module id' })
  moduleId!: string;

  @Field(() => Int, { description: '1..5' })
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1, { message: 'rating must be from 1 to 5' })
  @Max(5, { message: 'rating must be from 1 to 5' })
  rating!: number;

  @Field(() => String, { nullable: true, description: 'At most 2000 chars.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'comment must be at most 2000 characters' })
  comment?: string | null;
}
