import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { QuizQuestionInput } from '../../quizzes/dto/quiz-question.input';
import { QuestionsMatchKind, QuizOnly } from '../../quizzes/dto/quiz-lesson.rules';
import { Trim } from '../../common/transforms';
import { DeliveryMode, KINDS_NEEDING_URL, LessonKind, Level } from '../module-status';

const PRICE_MESSAGE = 'priceIdr must be 0 or 1';
/** BCP 47 language tag, e.g. id, en, jv, su, id-ID. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Bounds what one module costs to render and sanitise when read cold (~100 ms at this size). */
export const MAX_LESSON_BODIES_CHARS = 200_000;

/** The lesson bodies of one module together stay under MAX_LESSON_BODIES_CHARS. */
const LessonBodiesWithinLimit = () =>
  ValidateBy({
    name: 'lessonBodiesWithinLimit',
    validator: {
      validate: (lessons: unknown) => !Array.isArray(lessons) || lessons.reduce((sum: number, lesson: { body?: unknown }) => sum + (typeof lesson?.body === 'string' ? lesson.body.length : 0), 0) <= MAX_LESSON_BODIES_CHARS,
      defaultMessage: () => `lesson bodies together must be at most ${MAX_LESSON_BODIES_CHARS} characters`,
    },
  });

@InputType('LessonInput')
export class LessonInput {
  @Field(() => ID, {
    nullable: true,
    description: "The id of an existing lesson of this module to keep or edit (its learners' progress is kept); omit for a new lesson.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'id must be the id of a lesson of this module' })
  id?: string | null;

  @Field()
  @Trim()
  @IsString()
  @Length(3, 120, { message: 'title must be 3 to 120 characters' })
  @PlainText()
  title!: string;

  @Field(() => LessonKind)
  @IsEnum(LessonKind)
  kind!: LessonKind;

  @Field(() => Int, { description: '1..600' })
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: 'http or https URL; required for VIDEO, LIVE_SESSION and DOWNLOAD.' })
  @Trim()
  @ValidateIf((lesson: LessonInput) => KINDS_NEEDING_URL.has(lesson.kind) || lesson.contentUrl != null)
  // Above IsUrl, so IsUrl is checked (and reported) first: a missing URL is told it is required, not that it is too long.
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'contentUrl must be an http or https URL (required for VIDEO, LIVE_SESSION and DOWNLOAD)' })
  contentUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  body?: string | null;

  @Field(() => [QuizQuestionInput], { nullable: true, description: 'Required for QUIZ (1..50 questions), refused for every other kind.' })
  @QuestionsMatchKind()
  @ValidateNested({ each: true })
  @Type(() => QuizQuestionInput)
  // An explicit null is how GraphQL clients say "none": the same as leaving the field out.
  @Transform(({ value }: { value: unknown }) => value ?? undefined)
  questions?: QuizQuestionInput[] | null;

  @Field(() => Int, { nullable: true, description: 'QUIZ only: 1..100, default 70.' })
  @QuizOnly()
  @ValidateIf((lesson: LessonInput) => lesson.passPercent != null)
  @IsInt()
  @Min(1)
  @Max(100)
  passPercent?: number | null;
}

/** The editable fields of a module, each optional; ModuleInput makes the required ones required. */
@InputType({ isAbstract: true })
abstract class ModuleFields {
  @Trim()
  @IsString()
  @Length(8, 120, { message: 'title must be 8 to 120 characters' })
  @PlainText()
  title?: string;

  @Trim()
  @IsString()
  @Length(20, 300, { message: 'summary must be 20 to 300 characters' })
  @PlainText()
  summary?: string;

  @Trim()
  @IsString()
  @Length(50, 20_000, { message: 'description must be 50 to 20000 characters' })
  description?: string;

  @Trim()
  @IsString()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'categorySlug must be a category slug' })
  categorySlug?: string;

  @Trim()
  @ArrayMinSize(1, { message: 'skills must list 1 to 15 skills' })
  @ArrayMaxSize(15, { message: 'skills must list 1 to 15 skills' })
  @IsString({ each: true })
  @Length(2, 40, { each: true, message: 'each skill must be 2 to 40 characters' })
  @PlainText({ each: true })
  skills?: string[];

  @IsEnum(Level)
  level?: Level;

  @Trim()
  @IsString()
  @Matches(LANGUAGE_TAG, { message: "language must be a BCP 47 code such as 'id' or 'en'" })
  language?: string;

  @IsEnum(DeliveryMode)
  deliveryMode?: DeliveryMode;

  @IsInt({ message: PRICE_MESSAGE })
  @IsIn([0, 1], { message: PRICE_MESSAGE })
  priceIdr?: number;

  @IsBoolean()
  certificate?: boolean;

  @ArrayMinSize(1, { message: 'lessons must list 1 to 100 lessons' })
  @ArrayMaxSize(100, { message: 'lessons must list 1 to 100 lessons' })
  @LessonBodiesWithinLimit()
  @ValidateNested({ each: true })
  @Type(() => LessonInput)
  lessons?: LessonInput[];
}

@InputType('ModuleInput', {
  description:
    "Limits: title 8..120 chars; summary 20..300; description 50..20000 (Markdown,\nsanitised on write: no script, no event handlers, no javascript: links);\nskills 1..15, each 2..40 chars; 1..100 lessons, their bodies 200000 chars in all; priceIdr must be 0 or 1 and\nany other value is BAD_USER_INPUT on field 'priceIdr'.",
})
export class ModuleInput extends ModuleFields {
  @Field() override title!: string;
  @Field() override summary!: string;
  @Field() override description!: string;
  @Field() override categorySlug!: string;
  @Field(() => [String]) override skills!: string[];
  @Field(() => Level) override level!: Level;
  @Field({ defaultValue: 'id' }) override language!: string;
  @Field(() => DeliveryMode) override deliveryMode!: DeliveryMode;
  @Field(() => Int) override priceIdr!: number;
  @Field({ defaultValue: false }) override certificate!: boolean;
  @Field(() => [LessonInput]) override lessons!: LessonInput[];
}

@InputType('UpdateModuleInput', {
  description: 'Omitted fields stay as they are; lessons, when given, replace all lessons (those given with an id keep it, and their progress).',
})
export class UpdateModuleInput extends ModuleFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a module id' })
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true }) @IsOptional() override title?: string;
  @Field(() => String, { nullable: true }) @IsOptional() override summary?: string;
  @Field(() => String, { nullable: true }) @IsOptional() override description?: string;
  @Field(() => String, { nullable: true }) @IsOptional() override categorySlug?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() override skills?: string[];
  @Field(() => Level, { nullable: true }) @IsOptional() override level?: Level;
  @Field(() => String, { nullable: true }) @IsOptional() override language?: string;
  @Field(() => DeliveryMode, { nullable: true }) @IsOptional() override deliveryMode?: DeliveryMode;
  @Field(() => Int, { nullable: true }) @IsOptional() override priceIdr?: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() override certificate?: boolean;
  @Field(() => [LessonInput], { nullable: true }) @IsOptional() override lessons?: LessonInput[];
}
