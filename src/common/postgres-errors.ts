/** The name of the unique constraint a PostgreSQL error violated, if it is one. */
export function uniqueViolation(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' ? (driverError.constraint ?? 'unique') : undefined;
}

/**
 * PostgreSQL text cannot hold U+0000: a parameter carrying it fails with
 * 22021 (invalid byte sequence), or 22P05 inside jsonb. The input is at fault.
 */
export function nulCharacterRefused(error: unknown): boolean {
  const code = ((error as { driverError?: { code?: string } })?.driverError ?? (error as { code?: string }))?.code;
  return code === '22021' || code === '22P05';
}

/** Connection errors of node-postgres that carry no SQLSTATE. */
const LOST_CONNECTION_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Client was closed)/;

/**
 * The database connection broke under the request (the backend was
 * terminated, the server restarted, the network dropped): SQLSTATE class 08
 * or 57P01-57P03, or node-postgres's own connection errors. The transaction
 * was rolled back; a retry runs on a fresh connection.
 */
export function connectionLost(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; message?: string } })?.driverError ?? (error as { code?: string; message?: string });
  const code = driverError?.code ?? '';
  return code.startsWith('08') || ['57P01', '57P02', '57P03', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(code) || LOST_CONNECTION_MESSAGES.test(driverError?.message ?? '');
}
