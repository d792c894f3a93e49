import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PlainText } from '../../common/plain-text';
import { Trim } from '../../common/transforms';
import { ReportReason, ReportStatus } from '../report.entity';

@InputType('ReportModuleInput')
export class ReportModuleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'moduleId must be a module id' })
  moduleId!: string;

  @Field(() => ReportReason)
  @IsEnum(ReportReason)
  reason!: ReportReason;

  @Field(() => String, { nullable: true, description: 'At most 2000 chars.' })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'details must be at most 2000 characters' })
  details?: string | null;
}

@InputType('ResolveReportInput')
export class ResolveReportInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'reportId must be a report id' })
  reportId!: string;

  @Field(() => ReportStatus)
  @IsIn([ReportStatus.RESOLVED, ReportStatus.DISMISSED], { message: 'status must be RESOLVED or DISMISSED' })
  status!: ReportStatus;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 2000, { message: 'note is required (1 to 2000 characters)' })
  @PlainText()
  note!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'When true the module is unpublished as part of the resolution.' })
  @IsOptional()
  @IsBoolean()
  unpublish?: boolean | null;
}
