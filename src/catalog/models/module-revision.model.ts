import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LessonEntity } from '../lesson.entity';
import { StoredModerationCheck } from '../module.entity';
import { DeliveryMode, Level, ModuleStatus } from '../module-status';

@ObjectType('ModuleRevision', { description: 'An edit of a PUBLISHED module awaiting review. Visible to the owner and curators only.' })
export class ModuleRevisionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ModuleStatus, { description: 'IN_REVIEW, CHANGES_REQUESTED or REJECTED.' })
  status!: ModuleStatus;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  /** Served as sanitised Markdown by a field resolver. */
  description!: string;

  /** Resolved to `category` by a field resolver. */
  categoryId!: string;

  @Field(() => [String])
  skills!: string[];

  @Field(() => Level)
  level!: Level;

  @Field()
  language!: string;

  @Field(() => DeliveryMode)
  deliveryMode!: DeliveryMode;

  @Field(() => Int)
  priceIdr!: number;

  @Field()
  certificate!: boolean;

  /** Resolved to `lessons` by a field resolver (with their content: only owner and curators see a revision). */
  lessonRows!: LessonEntity[];

  /** Resolved to `moderationChecks` by a field resolver. */
  storedChecks!: StoredModerationCheck[];

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The curator's note on REQUEST_CHANGES or REJECT." })
  reviewNote!: string | null;
}
