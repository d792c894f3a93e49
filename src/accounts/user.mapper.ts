import type { Session } from './accounts.service';
import { AuthPayloadModel, UserModel } from './models/user.model';
import { UserEntity } from './user.entity';

export function toUserModel(user: UserEntity): UserModel {
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    privateEmail: user.email,
    contributorKind: user.contributorKind,
    organizationName: user.organizationName,
    bio: user.bio,
    createdAt: user.createdAt,
  };
}

export const toAuthPayload = (session: Session): AuthPayloadModel => ({ accessToken: session.accessToken, user: { ...toUserModel(session.user), isSelf: true } });
