import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { UserModel } from '../../accounts/models/user.model';
import { PageInfo } from '../../graphql/pagination';
import { QuizQuestionModel } from '../../quizzes/models/quiz.model';
import { StoredModerationCheck } from '../module.entity';
import { DeliveryMode, LessonKind, Level, ModuleStatus } from '../module-status';

registerEnumType(ModuleStatus, {
  name: 'ModuleStatus',
  description:
    'DRAFT -> IN_REVIEW (submitModule) -> PUBLISHED | CHANGES_REQUESTED | REJECTED (reviewModule).\nCHANGES_REQUESTED -> IN_REVIEW (submitModule after edits).\nPUBLISHED -> UNPUBLISHED (unpublishModule by a curator, or resolveReport with unpublish).\nUNPUBLISHED -> IN_REVIEW (submitModule by the owner after edits).\nAny status but ARCHIVED -> ARCHIVED (archiveModule by the owner).\nEditing a PUBLISHED module creates its pending revision (Module.pendingRevision), which curators\nreview while the module stays PUBLISHED with its approved content. Only PUBLISHED modules\nare visible to the public and present in the search index.',
});
registerEnumType(Level, { name: 'Level' });
registerEnumType(DeliveryMode, { name: 'DeliveryMode' });
registerEnumType(LessonKind, { name: 'LessonKind' });

@ObjectType('Category')
export class CategoryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field({ description: "Indonesian display name, e.g. 'Penjualan dan Pemasaran'." })
  name!: string;
  // moduleCount: resolved by CategoryFieldsResolver.
}

@ObjectType('Lesson')
export class LessonModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  position!: number;

  @Field()
  title!: string;

  @Field(() => LessonKind)
  kind!: LessonKind;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: 'Null unless the caller owns the module, curates, or is enrolled in it.' })
  contentUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Sanitised Markdown. Null under the same rule as contentUrl.' })
  body!: string | null;

  @Field(() => [QuizQuestionModel], {
    nullable: true,
    description: 'QUIZ lessons: the questions, without which options are correct. Null for other kinds and under the same rule as contentUrl.',
  })
  questions!: QuizQuestionModel[] | null;

  @Field(() => Int, { nullable: true, description: 'QUIZ lessons: percent of questions to answer correctly to pass (1..100). Null for other kinds.' })
  passPercent!: number | null;
}

@ObjectType('Module')
export class ModuleModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'Sanitised Markdown.' })
  description!: string;

  /** Resolved to `category` by a field resolver. */
  categoryId!: string;

  @Field(() => [String])
  skills!: string[];

  @Field(() => Level)
  level!: Level;

  @Field({ description: "BCP 47 code: 'id', 'en', 'jv', 'su', ..." })
  language!: string;

  @Field(() => DeliveryMode)
  deliveryMode!: DeliveryMode;

  @Field(() => Int, { description: "Sum of the lessons' durations." })
  durationMinutes!: number;

  @Field(() => Int, { description: 'Always 0 or 1.' })
  priceIdr!: number;

  @Field()
  certificate!: boolean;

  @Field(() => ModuleStatus)
  status!: ModuleStatus;

  /** Resolved to `contributor` by a field resolver. */
  contributorId!: string;

  @Field(() => Float, { nullable: true })
  ratingAverage!: number | null;

  @Field(() => Int)
  ratingCount!: number;

  /** Resolved to ratingScore by a field resolver (src/ratings/). */
  ratingSum!: number;

  /** Set on a search hit answered from the index; else hasQuiz reads the lessons. */
  hasQuizFromIndex?: boolean;

  @Field(() => Int)
  enrollmentCount!: number;

  @Field(() => Int)
  completionCount!: number;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Int, { description: 'Incremented on every change; pass it back as expectedVersion.' })
  version!: number;

  /** Shown by the moderation field resolver to owner and curators only. */
  storedChecks!: StoredModerationCheck[];

  /** Set on a search hit answered from the index: its contributor, so no database read is needed. */
  contributorFromIndex?: UserModel;
}

@ObjectType('ModuleConnection')
export class ModuleConnection {
  @Field(() => [ModuleModel])
  nodes!: ModuleModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
