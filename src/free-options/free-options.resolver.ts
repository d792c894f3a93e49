import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { toModuleModel } from '../catalog/module.mapper';
import { FreeOptionsArgs } from './dto/free-options.args';
import { FreeOptionsService } from './free-options.service';
import { FreeOptionsModel } from './models/free-options.model';

@Resolver(() => FreeOptionsModel)
export class FreeOptionsResolver {
  constructor(private readonly freeOptions: FreeOptionsService) {}

  @Roles(Role.BENEFICIARY)
  @Query(() => FreeOptionsModel, { description: 'BENEFICIARY only.' })
  async freeOptionsForMe(@CurrentViewer() viewer: Viewer, @Args() args: FreeOptionsArgs): Promise<FreeOptionsModel> {
    const options = await this.freeOptions.forBeneficiary(viewer.id, args.first ?? 10, args.like);
    return { ...options, modules: options.modules.map(toModuleModel) };
  }
}
