import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserModel } from '../accounts/models/user.model';
import { toUserModel } from '../accounts/user.mapper';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { servedMarkdown } from '../catalog/markdown/served-markdown';
import { moduleAsSeenBy } from '../catalog/module-access';
import { toModuleModel } from '../catalog/module.mapper';
import { ModuleModel } from '../catalog/models/module.model';
import { RequestContext } from '../graphql/request-context';
import { ReportModuleInput, ResolveReportInput } from './dto/report.input';
import { ReportConnection, ReportModel } from './models/report.model';
import { toReportModel } from './report.mapper';
import { ReportStatus } from './report.entity';
import { ReportsService } from './reports.service';

@Resolver(() => ReportModel)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Roles()
  @Mutation(() => ReportModel, { description: 'Any authenticated user; one OPEN report per user and module.' })
  async reportModule(@CurrentViewer() viewer: Viewer, @Args('input') input: ReportModuleInput): Promise<ReportModel> {
    return toReportModel(await this.service.report(viewer, input));
  }

  @Roles(Role.CURATOR, Role.ADMIN)
  @Query(() => ReportConnection, { description: 'CURATOR or ADMIN.' })
  async reports(
    @Args('status', { type: () => ReportStatus, nullable: true, defaultValue: ReportStatus.OPEN }) status?: ReportStatus | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<ReportConnection> {
    const page = await this.service.list(status, first, after);
    return { ...page, nodes: page.nodes.map(toReportModel) };
  }

  @Roles(Role.CURATOR, Role.ADMIN)
  @Mutation(() => ReportModel, { description: 'CURATOR or ADMIN.' })
  async resolveReport(@CurrentViewer() viewer: Viewer, @Args('input') input: ResolveReportInput): Promise<ReportModel> {
    return toReportModel(await this.service.resolve(viewer, input));
  }

  @ResolveField(() => String, { nullable: true })
  details(@Parent() report: ReportModel): string | null {
    return servedMarkdown(report.details);
  }

  @ResolveField(() => ModuleModel)
  async module(@Parent() report: ReportModel, @Context() ctx: RequestContext): Promise<ModuleModel> {
    return toModuleModel(moduleAsSeenBy(ctx.viewer, (await ctx.loaders.modules.load(report.moduleId))!));
  }

  @ResolveField(() => UserModel)
  async reporter(@Parent() report: ReportModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await ctx.loaders.users.load(report.reporterId))!);
  }
}
