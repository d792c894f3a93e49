import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../graphql/pagination';
import { ReportReason, ReportStatus } from '../report.entity';

registerEnumType(ReportReason, { name: 'ReportReason' });
registerEnumType(ReportStatus, { name: 'ReportStatus' });

@ObjectType('Report')
export class ReportModel {
  @Field(() => ID)
  id!: string;

  /** Resolved to `module` by a field resolver. */
  moduleId!: string;

  /** Resolved to `reporter` by a field resolver. */
  reporterId!: string;

  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => String, { nullable: true })
  details!: string | null;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field(() => String, { nullable: true })
  resolutionNote!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@ObjectType('ReportConnection')
export class ReportConnection {
  @Field(() => [ReportModel])
  nodes!: ReportModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
