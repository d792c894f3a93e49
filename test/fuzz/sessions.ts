import { AccountsService } from '../../src/accounts/accounts.service';
import { TokenService } from '../../src/auth/token.service';
import { TestApp } from '../support/test-app';
import { FuzzWorld, Role } from './fuzz-world';

/**
 * The fuzzer may end the world's own sessions (logout, a password change, an
 * admin suspending an account). Without a working token again, every later
 * case of that role would stop at UNAUTHENTICATED and test nothing: the
 * account is reinstated if it was suspended, and gets a freshly issued token.
 */
export async function renewSession(t: TestApp, world: FuzzWorld, role: Role): Promise<void> {
  const userId = world.accountIds[role];
  if (!userId) return;
  const admin = await issueToken(t, world.accountIds.admin!);
  // CONFLICT when it was not suspended, which is the common case.
  if (role !== 'admin') await t.gql(`mutation($userId: ID!) { reinstateAccount(userId: $userId) { id } }`, { userId }, admin);
  world.tokens[role] = role === 'admin' ? admin : await issueToken(t, userId);
}

async function issueToken(t: TestApp, userId: string): Promise<string> {
  return t.app.get(TokenService).issue(await t.app.get(AccountsService).getById(userId));
}
