// The one shape of a rate-limit counter in the database (table rate_limits), shared by the
// comment submission and the Q&A votes. Sliding-window counters: hits in the current window,
// plus the previous window's hits weighted by how much of it still lies within the last window's
// length, so a burst straddling a window boundary cannot pass at twice the limit.

/** The start of the current window; `w` is the SQL of the window's length in seconds. */
export const windowStartSql = (w: string) => `to_timestamp(floor(extract(epoch FROM now()) / ${w}) * ${w})`;

/** The upsert's conflict clause: keeps the previous window's count when moving to the next one. */
export const slideOnConflictSql = (w: string) => `ON CONFLICT (bucket) DO UPDATE SET
  previous_hits = CASE
    WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.previous_hits
    WHEN rate_limits.window_start = EXCLUDED.window_start - make_interval(secs => ${w}) THEN rate_limits.hits
    ELSE 0 END,
  hits = CASE WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.hits + EXCLUDED.hits
    ELSE EXCLUDED.hits END,
  window_start = EXCLUDED.window_start`;

/** In RETURNING: the previous window's hits that still count now (a fraction). */
export const carriedSql = (w: string) =>
  `previous_hits * greatest(0, 1 - extract(epoch FROM now() - window_start) / ${w})::float8`;

/** In RETURNING: seconds until the current window ends (when the carried part is gone at the latest). */
export const retrySql = (w: string) =>
  `ceil(extract(epoch FROM window_start + make_interval(secs => ${w}) - now()))::int`;
