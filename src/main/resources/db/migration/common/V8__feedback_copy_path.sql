-- Where the write-feedback step wrote a submission's annotated copy, relative to <output>/<year>/feedback/
-- (its file name, or archive/ and its name for a version that no longer counted when it was written);
-- NULL while no copy was written. Replies and the status page read it back instead of working
-- the name out again. Identical on H2 (MySQL mode), MySQL 8 and MariaDB.
ALTER TABLE submission ADD COLUMN feedback_file VARCHAR(1000) NULL;
