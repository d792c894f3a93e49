/**
 * Starts `probe` every `everyMs` without waiting for the previous one (under
 * load one probe can take longer than the interval) and resolves with the time
 * (performance.now()) at which the first probe answered true.
 */
export function firstSuccess(probe: () => Promise<boolean>, options: { everyMs: number; timeoutMs: number; what: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      outcome();
    };
    const fire = () => {
      if (performance.now() - started > options.timeoutMs) {
        settle(() => reject(new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.what}`)));
        return;
      }
      probe().then(
        (found) => {
          if (found) {
            const at = performance.now();
            settle(() => resolve(at));
          }
        },
        (error: unknown) => settle(() => reject(error)),
      );
    };
    const timer = setInterval(fire, options.everyMs);
    fire();
  });
}
