-- The (consultation_id, id) index competed with the (consultation_id, idempotency_key) unique
-- index for the Idempotency-Key lookup of every submitted comment. Without statistics (PGlite
-- has no autovacuum, and a prepared plan is kept) the planner took the narrower one and read
-- every comment of the consultation per submission, so submissions slowed as comments arrived.
-- The unique index serves the per-consultation reads, and each insert updates one index less.
DROP INDEX comments_consultation;
