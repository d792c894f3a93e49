import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../../auth/role';
import { ContributorKind } from '../user.entity';

registerEnumType(Role, { name: 'Role' });
registerEnumType(ContributorKind, { name: 'ContributorKind' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  /** Resolved by AccountsResolver: visible to the user themself and admins only. */
  privateEmail!: string;

  /** Set when the user is known to be the caller (e.g. the AuthPayload of their own login). */
  isSelf?: boolean;

  @Field(() => ContributorKind, { nullable: true })
  contributorKind!: ContributorKind | null;

  @Field(() => String, { nullable: true })
  organizationName!: string | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field()
  accessToken!: string;

  @Field(() => UserModel)
  user!: UserModel;
}
