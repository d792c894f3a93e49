/** How many ratings at the mean a module's own ratings are weighed against. */
export const RATING_CONFIDENCE = 10;

/**
 * Module.ratingScore: (C * m + sum) / (C + count), C = RATING_CONFIDENCE, so
 * a few ratings move a module little from the mean m of all ratings and many
 * move it to its own average. Null while unrated; with no rating anywhere
 * yet (m null) a rated module keeps its own average.
 */
export function confidenceRating(sum: number, count: number, mean: number | null): number | null {
  if (count <= 0) return null;
  if (mean === null) return sum / count;
  return (RATING_CONFIDENCE * mean + sum) / (RATING_CONFIDENCE + count);
}
