import { UseGuards, UseInterceptors } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/role';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { RequestContext } from '../graphql/request-context';
import { LoginThrottleInterceptor } from '../throttling/login-throttle.interceptor';
import { RegistrationThrottleGuard } from '../throttling/registration-throttle.guard';
import { AccountsService } from './accounts.service';
import { CreateCuratorInput, RegisterBeneficiaryInput, RegisterContributorInput } from './dto/register.input';
import { AuthPayloadModel, UserModel } from './models/user.model';
import { toAuthPayload, toUserModel } from './user.mapper';

@Resolver(() => UserModel)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => UserModel, { nullable: true })
  async me(@CurrentViewer() viewer: Viewer | null): Promise<UserModel | null> {
    const user = await this.accounts.me(viewer);
    return user && toUserModel(user);
  }

  @UseGuards(RegistrationThrottleGuard)
  @Mutation(() => AuthPayloadModel)
  async registerContributor(@Args('input') input: RegisterContributorInput): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.accounts.registerContributor(input));
  }

  @UseGuards(RegistrationThrottleGuard)
  @Mutation(() => AuthPayloadModel)
  async registerBeneficiary(@Args('input') input: RegisterBeneficiaryInput): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.accounts.registerBeneficiary(input));
  }

  @UseInterceptors(LoginThrottleInterceptor)
  @Mutation(() => AuthPayloadModel, {
    description: 'Wrong email or password: UNAUTHENTICATED, the same message for both. The right password of a suspended account: FORBIDDEN.',
  })
  async login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.accounts.login(email, password));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'ADMIN only.' })
  async createCurator(@Args('input') input: CreateCuratorInput): Promise<UserModel> {
    return toUserModel(await this.accounts.createCurator(input));
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to the user themself and to admins; null for everyone else.' })
  email(@Parent() user: UserModel, @Context() ctx: RequestContext): string | null {
    const visible = user.isSelf || ctx.viewer?.id === user.id || ctx.viewer?.role === Role.ADMIN;
    return visible ? user.privateEmail : null;
  }
}
