/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<{ value: T; elapsedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value, elapsedMs: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
