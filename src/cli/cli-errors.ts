/** Wrong or missing arguments found after commander's own checks: usage, exit 2. */
export class UsageError extends Error {}

export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? 2 : 1;
}

/** An operator reads one line: the first line of the message, no stack. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim() || 'unknown error';
}
