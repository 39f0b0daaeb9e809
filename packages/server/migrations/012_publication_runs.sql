-- Publishing the feedback and building its preview read, mask and write every published comment:
-- at national scale minutes of work, so each request becomes a run worked by the job runner
-- (jobs.kind 'publication', key = the run's id). The run is the record the request waits on or
-- follows: who asked and when, when it started and finished, the version it made or the error.
CREATE TABLE publication_runs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES consultations (id),
  kind text NOT NULL CHECK (kind IN ('publish', 'preview')),
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  version integer,
  -- preview: the FeedbackPreview (summary and first page: bounded).
  result jsonb,
  -- The error the request would have answered: { status, error, message, zh, … }.
  error jsonb
);
-- One unfinished run of each kind per consultation: asking again joins it.
CREATE UNIQUE INDEX publication_runs_pending ON publication_runs (consultation_id, kind) WHERE finished_at IS NULL;
