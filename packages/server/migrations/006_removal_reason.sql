-- Why a comment was removed in moderation: one of the categories the API accepts
-- (REMOVAL_REASONS in @gongkai/format: 违法违规, 广告, 与本次征求意见无关, 重复), or NULL when staff
-- did not say, and for every comment that is not removed. Checked by the API, not here, so that
-- the list can grow without a migration.
ALTER TABLE comments ADD COLUMN removal_reason text;
