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
