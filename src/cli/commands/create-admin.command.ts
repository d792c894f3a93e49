import { Command, Option } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { AccountsModule } from '../../accounts/accounts.module';
import { AccountsService } from '../../accounts/accounts.service';
import { loadConfig } from '../../config/config';
import { withAppContext } from '../app-context';
import { UsageError } from '../cli-errors';
import { readPassword } from '../password-input';

const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The password never travels as an argument (shell history, ps): it is read
 * from a hidden prompt on a terminal, or from standard input with --password-stdin.
 */
@Command({ name: 'create-admin', arguments: '<email>', description: 'create an ADMIN account, or set the password of an existing one (read from a hidden prompt, or stdin with --password-stdin)' })
export class CreateAdminCommand extends OperatorCommand {
  async run([email]: string[], options: { passwordStdin?: boolean }): Promise<void> {
    if (!EMAIL.test(email)) throw new UsageError(`'${email}' is not an email address`);
    const config = loadConfig();
    const password = await readPassword(Boolean(options.passwordStdin));
    if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);
    await withAppContext(config, [AccountsModule], async (app) => {
      const outcome = await app.get(AccountsService).ensureAdmin(email, password);
      console.log(`Admin ${email.toLowerCase()}: ${outcome}`);
    });
  }

  @Option({ flags: '--password-stdin', description: 'read the password from standard input (first line)' })
  parsePasswordStdin(): boolean {
    return true;
  }
}
