/** A smaller move of m leaves rating_mean and the index as they are: it moves no score by more than this. */
export const RATING_MEAN_THRESHOLD = 0.01;
/**
 * Sets rating_mean to the current mean when it moved by more than $1 (or
 * appeared or vanished); returns the new row, none when it held still. Also
 * used by the bench's seed, whose bulk-inserted ratings would otherwise move
 * m at the first refresh and rebuild the index mid-run.
 */
export const RATING_MEAN_UPSERT_SQL = `INSERT INTO rating_mean (mean) SELECT sum(rating_sum)::float8 / nullif(sum(rating_count), 0) FROM modules WHERE status = 'PUBLISHED'
  ON CONFLICT (singleton) DO UPDATE SET mean = excluded.mean, updated_at = now()
  WHERE (rating_mean.mean IS NULL) <> (excluded.mean IS NULL) OR abs(rating_mean.mean - excluded.mean) > $1
  RETURNING mean`;
