-- Every channel, one record (issue 21): comments received by letter, e-mail, fax, telephone,
-- meetings, hearings and 基层立法联系点 are entered by staff beside the online ones. Existing and
-- online comments are 'online'; an entered comment keeps the date it was received, the token
-- that entered it and a reference to its scanned original (a file number or a storage key: the
-- scan itself is not stored here).
ALTER TABLE comments ADD COLUMN channel text NOT NULL DEFAULT 'online';
ALTER TABLE comments ADD CONSTRAINT comments_channel
  CHECK (channel IN ('online', 'letter', 'email', 'fax', 'phone', 'meeting', 'hearing', 'contact-point'));
ALTER TABLE comments ADD COLUMN received_at timestamptz;
ALTER TABLE comments ADD COLUMN entered_by text;
ALTER TABLE comments ADD COLUMN original_ref text;
ALTER TABLE comments ADD CONSTRAINT comments_entered CHECK ((channel = 'online') = (entered_by IS NULL));
