import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ModuleStatus } from '../../catalog/module-status';

@ObjectType('ModerationEvent')
export class ModerationEventModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'SUBMIT, APPROVE, REQUEST_CHANGES, REJECT, UNPUBLISH, ARCHIVE or EDIT_PUBLISHED.' })
  action!: string;

  @Field(() => ModuleStatus)
  fromStatus!: ModuleStatus;

  @Field(() => ModuleStatus)
  toStatus!: ModuleStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  /** Resolved to `actor` by a field resolver. */
  actorId!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType('ModerationCheck', { description: 'Findings of the automatic checks run on every submission, shown to curators.' })
export class ModerationCheckModel {
  @Field()
  code!: string;

  @Field()
  message!: string;

  @Field(() => [ID], { description: 'ids of PUBLISHED or IN_REVIEW modules that look like near-duplicates.' })
  relatedModuleIds!: string[];
}

