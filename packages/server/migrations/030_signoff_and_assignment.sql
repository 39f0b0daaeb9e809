-- Sign-off (拟办 → 审核 → 签发), assignment to units (处室) and internal notes (issue 21).
-- Every decision is a draft until a checker confirms it and a holder of the sign-off permission
-- signs it off; publication is refused while a decided comment is not signed off. The stage of a
-- comment without a decision means nothing (it becomes 'draft' with its next decision).
ALTER TABLE comments ADD COLUMN stage text NOT NULL DEFAULT 'draft';
ALTER TABLE comments ADD CONSTRAINT comments_stage CHECK (stage IN ('draft', 'checked', 'signed'));
ALTER TABLE comments ADD COLUMN stage_by text;
ALTER TABLE comments ADD COLUMN stage_at timestamptz;
-- Why a checker or signer sent the decision back (cleared by the next step or decision).
ALTER TABLE comments ADD COLUMN returned_reason text;
ALTER TABLE comments ADD COLUMN unit_id bigint;
ALTER TABLE comments ADD COLUMN assignment_id bigint;
-- What blocks publication, counted per step and unit from the index alone (index-only scan).
CREATE INDEX comments_unsigned ON comments (consultation_id, stage, unit_id, id)
  WHERE decision IS NOT NULL AND stage <> 'signed';
-- A unit's queue, keyset-paged by id.
CREATE INDEX comments_unit ON comments (consultation_id, unit_id, id) WHERE unit_id IS NOT NULL;
-- An assignment is open while one of its comments awaits a decision.
CREATE INDEX comments_assignment_open ON comments (assignment_id)
  WHERE assignment_id IS NOT NULL AND decision IS NULL AND moderation <> 'rejected';
CREATE INDEX comments_assignment ON comments (assignment_id) WHERE assignment_id IS NOT NULL;

-- The units (处室) of this site: a small table.
CREATE TABLE units (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE assignments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES consultations (id),
  unit_id bigint NOT NULL REFERENCES units (id),
  due date NOT NULL,
  note text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closed_by text,
  -- 'decided' (its last comment was decided) or what staff wrote when closing it by hand.
  close_reason text
);
CREATE INDEX assignments_consultation ON assignments (consultation_id, id);
CREATE INDEX assignments_open ON assignments (consultation_id, unit_id) WHERE closed_at IS NULL;

-- Internal notes on a comment or a group, with replies: never published, never exported.
CREATE TABLE staff_notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id text NOT NULL REFERENCES consultations (id),
  comment_id bigint REFERENCES comments (id),
  group_id bigint,
  reply_to bigint REFERENCES staff_notes (id),
  body text NOT NULL,
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((comment_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX staff_notes_comment ON staff_notes (comment_id, id) WHERE comment_id IS NOT NULL;
CREATE INDEX staff_notes_group ON staff_notes (consultation_id, group_id, id) WHERE group_id IS NOT NULL;
-- Comments awaiting moderation or a decision, counted for publication from the index alone.
CREATE INDEX comments_unhandled ON comments (consultation_id, moderation, id)
  WHERE decision IS NULL AND moderation <> 'rejected';
