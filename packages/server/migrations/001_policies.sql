-- Policy bundles, stored as validated JSON and served to the elements.
CREATE TABLE policies (
  id text PRIMARY KEY,
  bundle jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
