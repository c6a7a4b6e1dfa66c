-- Whether the sensitivity label of a labelable file (Office or PDF) beside a recording has been read since the
-- inventory last stored the file: a changed file is stored afresh and read again.
ALTER TABLE ward_item ADD COLUMN sensitivity_label_read BOOLEAN DEFAULT FALSE NOT NULL;
