-- Confirmations are taken before the messages of events, each kind from its own index: a
-- citizen who just asked to follow does not wait behind a publication's fan-out.
DROP INDEX notify_deliveries_due;
CREATE INDEX notify_deliveries_due_confirm ON notify_deliveries (run_at, id) WHERE state IN ('queued', 'sending') AND kind = 'confirm';
CREATE INDEX notify_deliveries_due_event ON notify_deliveries (run_at, id) WHERE state IN ('queued', 'sending') AND kind = 'event';
