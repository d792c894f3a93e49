import 'reflect-metadata';
import { CommanderError } from 'commander';
import { CommandFactory } from 'nest-commander';
import { CliModule, COMMANDS } from './cli/cli.module';
import { exitCodeOf, oneLine, UsageError } from './cli/cli-errors';

const USAGE = 'usage: npm run cli -- COMMAND [options]  (npm run cli -- --help lists the commands; COMMAND --help its options)';

/** Commander's own argument errors (it has printed them): usage and exit 2; asked-for help and version: 0. */
function onArgumentError(error: Error): never {
  const code = (error as CommanderError).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.help' || code === 'commander.version') process.exit(0);
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

/** The operator CLI: `npm run cli -- COMMAND ...` (README, "Operator CLI"). Exit 0 done, 1 failed (one line), 2 usage. */
export async function runCli(args: string[]): Promise<void> {
  process.argv.splice(2, process.argv.length, ...args);
  if (args.length === 0) {
    process.stderr.write(`${USAGE}\ncommands: migrate, seed-demo, create-admin, import, reindex, reconcile, outbox-status, outbox-retry\n`);
    process.exit(2);
  }
  const app = await CommandFactory.createWithoutRunning(CliModule, {
    logger: false,
    cliName: 'cli',
    errorHandler: onArgumentError,
    serviceErrorHandler: fail,
  });
  for (const command of COMMANDS) {
    const definition = app.get(command).definition;
    definition.exitOverride(onArgumentError);
    definition.allowExcessArguments(false);
  }
  try {
    await CommandFactory.runApplication(app);
  } finally {
    await app.close();
  }
}

/** One line on stderr (and the usage for a usage error), then the exit code. */
export function fail(error: unknown): never {
  process.stderr.write(`error: ${oneLine(error)}\n`);
  if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(exitCodeOf(error));
}

if (require.main === module) runCli(process.argv.slice(2)).catch(fail);
