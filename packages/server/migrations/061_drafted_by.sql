-- Who drafted a decision (拟办), kept through 审核, 签发 and a return (stage_by then names who
-- sent it back): with separate sign-off the drafter neither checks nor signs off their own
-- decision. Decisions drafted before this migration name nobody.
ALTER TABLE comments ADD COLUMN drafted_by text;
