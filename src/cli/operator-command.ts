import { CommandRunner } from 'nest-commander';

/** What the entry sets on each command's commander definition. */
interface CommandDefinition {
  exitOverride(handler: (error: Error) => never): unknown;
  allowExcessArguments(allow: boolean): unknown;
}

/** A CLI command whose commander definition the entry can reach (to route its argument errors to exit 2). */
export abstract class OperatorCommand extends CommandRunner {
  get definition(): CommandDefinition {
    return this.command;
  }
}
