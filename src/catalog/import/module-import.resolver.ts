import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '../../auth/role';
import { CurrentViewer, Roles } from '../../auth/roles.decorator';
import { Viewer } from '../../auth/viewer';
import { ModuleInput } from '../dto/module.input';
import { ImportJobModel } from './import-job.model';
import { ModuleImportService } from './module-import.service';

@Resolver(() => ImportJobModel)
export class ModuleImportResolver {
  constructor(private readonly imports: ModuleImportService) {}

  @Roles(Role.CONTRIBUTOR)
  @Mutation(() => ImportJobModel, {
    description:
      'CONTRIBUTOR only. Validates every item like createModule and creates the\nvalid ones as DRAFTs in a background job; invalid items are reported in\nImportJob.failures and create nothing. At most 5000 items.',
  })
  importModules(@CurrentViewer() viewer: Viewer, @Args('items', { type: () => [ModuleInput] }) items: ModuleInput[]): Promise<ImportJobModel> {
    return this.imports.submit(viewer, items);
  }

  @Roles(Role.CONTRIBUTOR, Role.ADMIN)
  @Query(() => ImportJobModel, { nullable: true, description: 'The owner (contributor who started it) or ADMIN.' })
  importJob(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ImportJobModel> {
    return this.imports.find(viewer, id);
  }
}

