-- A province run stores millions of figure rows (about 216 per submission), and every index and
-- foreign key on submission_value is work per row. No query looks figures up by item any more
-- (totals and traceability go from the submission), and item codes are written only from the
-- form definition that also fills form_item, so the item index and its foreign key go.
ALTER TABLE submission_value DROP FOREIGN KEY fk_value_item;
DROP INDEX ix_value_item ON submission_value;
