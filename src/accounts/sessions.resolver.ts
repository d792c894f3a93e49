import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/role';
import { CurrentSession, CurrentViewer, Roles } from '../auth/roles.decorator';
import type { ViewerSession } from '../auth/session-check';
import { Viewer } from '../auth/viewer';
import { RequestContext } from '../graphql/request-context';
import { clientAddress } from '../throttling/client-address';
import { AccountArgs, ChangePasswordArgs, LogoutArgs, SuspendAccountArgs } from './dto/session.args';
import { AuthPayloadModel, UserModel } from './models/user.model';
import { SessionsService } from './sessions.service';
import { SuspensionsService } from './suspensions.service';
import { toAuthPayload, toUserModel } from './user.mapper';

/** Sessions that end: logout, password change, an admin's suspension. */
@Resolver(() => UserModel)
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly suspensions: SuspensionsService,
  ) {}

  @Roles()
  @Mutation(() => Boolean, { description: 'Ends the token of this request, or with everywhere: true every token of the account. Answers true.' })
  async logout(@CurrentSession() session: ViewerSession, @Args() args: LogoutArgs): Promise<boolean> {
    await this.sessions.logout(session, args.everywhere);
    return true;
  }

  @Roles()
  @Mutation(() => AuthPayloadModel, {
    description:
      'A wrong currentPassword (counted as a failed login), or a newPassword equal to it or shorter than 10 characters: BAD_USER_INPUT. Ends every token of the account and answers a fresh one.',
  })
  async changePassword(@CurrentViewer() viewer: Viewer, @Args() args: ChangePasswordArgs, @Context() ctx: RequestContext): Promise<AuthPayloadModel> {
    return toAuthPayload(await this.sessions.changePassword(viewer, args, clientAddress(ctx.req)));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, {
    description: 'ADMIN only. Ends every token of the account and refuses its logins until reinstated. Not your own account (FORBIDDEN); already suspended: CONFLICT.',
  })
  async suspendAccount(@CurrentViewer() admin: Viewer, @Args() args: SuspendAccountArgs): Promise<UserModel> {
    return toUserModel(await this.suspensions.suspend(admin, args));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'ADMIN only. Logins work again; tokens ended by the suspension stay ended. Not suspended: CONFLICT.' })
  async reinstateAccount(@CurrentViewer() admin: Viewer, @Args() args: AccountArgs): Promise<UserModel> {
    return toUserModel(await this.suspensions.reinstate(admin, args));
  }

  @ResolveField(() => Date, { nullable: true, description: 'When the account was suspended; null when it is not. Visible to admins only (null for everyone else).' })
  async suspendedAt(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<Date | null> {
    if (ctx.viewer?.role !== Role.ADMIN) return null;
    return (await ctx.loaders.users.load(user.id))?.suspendedAt ?? null;
  }
}
