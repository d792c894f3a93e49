import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CertificateVerification', { description: 'The public answer to a certificate check.' })
export class CertificateVerificationModel {
  @Field()
  valid!: boolean;

  @Field(() => String, { nullable: true })
  moduleTitle!: string | null;

  @Field(() => String, { nullable: true })
  moduleSlug!: string | null;

  @Field(() => String, { nullable: true })
  contributorName!: string | null;

  @Field(() => String, { nullable: true, description: "The beneficiary's display name as it stood at completion." })
  learnerName!: string | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Int, { description: 'QUIZ lessons of the module passed in this enrollment (graded on the server).' })
  quizzesPassed!: number;

  @Field(() => Int, { description: 'QUIZ lessons in the module at completion.' })
  quizzesTotal!: number;
}
