-- The version of its policy a consultation is about: what its comments were made on and what
-- their clause labels are read from. A revision published while it is open moves it along; one
-- stored after it closes (the final text) does not, so feedback and reports keep the numbers
-- commenters saw.
ALTER TABLE consultations ADD COLUMN policy_version integer;
UPDATE consultations c SET policy_version = coalesce(
  (SELECT max(m.policy_version) FROM comments m WHERE m.consultation_id = c.id),
  (SELECT p.version FROM policies p WHERE p.id = c.policy_id))
WHERE c.policy_id IS NOT NULL;
