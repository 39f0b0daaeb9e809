-- The date by which staff expect to publish the feedback (意见采纳情况反馈), shown to citizens
-- beside the window. A calendar date, or NULL when they have not said.
ALTER TABLE consultations ADD COLUMN feedback_expected date;
