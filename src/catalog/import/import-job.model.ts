import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JobState } from '../../queue/job-state';

@ObjectType('ImportFailure')
export class ImportFailureModel {
  @Field(() => Int, { description: '0-based index in the submitted items.' })
  index!: number;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field()
  message!: string;
}

@ObjectType('ImportJob')
export class ImportJobModel {
  @Field(() => ID)
  id!: string;

  @Field(() => JobState)
  state!: JobState;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  processed!: number;

  @Field(() => [ID])
  createdModuleIds!: string[];

  @Field(() => [ImportFailureModel])
  failures!: ImportFailureModel[];
}
