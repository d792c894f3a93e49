/**
 * Draws indexes 0..n-1 with Zipf frequencies (weight 1/(rank+1)^s): a few
 * popular queries and modules take most of the traffic, as on a real catalogue.
 */
export function zipfSampler(n: number, random: () => number, s = 1): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) cumulative[rank] = total += 1 / Math.pow(rank + 1, s);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
