import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Review')
export class ReviewModel {
  @Field(() => ID)
  id!: string;

  /** Resolved to `module` by a field resolver. */
  moduleId!: string;

  /** Resolved to `author` by a field resolver. */
  authorId!: string;

  @Field(() => Int)
  rating!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field()
  createdAt!: Date;
}
