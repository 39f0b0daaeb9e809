-- Where citizens read a consultation's draft and comment (the office's page): receipts of one
-- consultation looked up on another's page link to it by title, never show its id.
ALTER TABLE consultations ADD COLUMN page_url text;
