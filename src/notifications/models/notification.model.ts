import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'MODULE_APPROVED, CHANGES_REQUESTED, MODULE_REJECTED, MODULE_UNPUBLISHED, CREDIT_EXHAUSTED, REPORT_RESOLVED' })
  kind!: string;

  @Field()
  message!: string;

  @Field(() => [ID])
  moduleIds!: string[];

  @Field()
  read!: boolean;

  @Field()
  createdAt!: Date;
}
