import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../graphql/pagination';
import { EnrollmentStatus } from '../enrollment.entity';

registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });

@ObjectType('Enrollment')
export class EnrollmentModel {
  @Field(() => ID)
  id!: string;

  /** Resolved to `module` by a field resolver. */
  moduleId!: string;

  @Field(() => EnrollmentStatus)
  status!: EnrollmentStatus;

  @Field(() => Int, { description: 'What the enrollment charged to the training credit: 0 or 1.' })
  chargedIdr!: number;

  @Field()
  enrolledAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Set once the enrollment is COMPLETED: a short code anyone can check with verifyCertificate.' })
  certificateCode!: string | null;
}

@ObjectType('EnrollmentConnection')
export class EnrollmentConnection {
  @Field(() => [EnrollmentModel])
  nodes!: EnrollmentModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('ContributorStats')
export class ContributorStatsModel {
  @Field(() => Int)
  publishedModules!: number;

  @Field(() => Int)
  inReviewModules!: number;

  @Field(() => Int)
  totalEnrollments!: number;

  @Field(() => Int)
  totalCompletions!: number;

  @Field(() => Float, { nullable: true })
  ratingAverage!: number | null;
}
