-- Rate limits as sliding-window counters: the previous window's hits still count in proportion to
-- how much of it lies within the last window's length. Fixed windows aligned to the clock let a
-- burst straddling a boundary through at twice the limit.
ALTER TABLE rate_limits ADD COLUMN previous_hits integer NOT NULL DEFAULT 0;
