-- `grouping_state.seen_id` (migration 013) is read no more: the job now looks at the newest
-- comment's age instead (src/grouping.ts, QUIET_MS). Dropped here rather than taken out of 013,
-- which databases have already applied (IF EXISTS: a development database made while 013 went
-- without it).
ALTER TABLE grouping_state DROP COLUMN IF EXISTS seen_id
