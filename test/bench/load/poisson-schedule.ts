/**
 * Send times of an open-loop load with Poisson arrivals: inter-arrival times
 * are exponential with mean 1/rate, so requests come independently of each
 * other and of the server's answers (a real crowd), never in per-second bursts.
 */
export function poissonSchedule(ratePerSecond: number, seconds: number, random: () => number): Float64Array {
  if (!(ratePerSecond > 0) || !(seconds > 0)) throw new Error(`poissonSchedule needs a positive rate and duration, got ${ratePerSecond}/s for ${seconds} s`);
  const meanGapMs = 1000 / ratePerSecond;
  const endMs = seconds * 1000;
  const times: number[] = [];
  // 1 - random() is in (0, 1]: its logarithm is finite.
  for (let at = -Math.log(1 - random()) * meanGapMs; at < endMs; at += -Math.log(1 - random()) * meanGapMs) times.push(at);
  return Float64Array.from(times);
}
