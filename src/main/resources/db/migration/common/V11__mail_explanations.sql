-- A unit's explanation sent by answering our reply mail (issue 19): the text of its reply, quotes
-- and signature removed, kept with the submission version the reply was about, the sender and the
-- time received. It explains every warning of that version (errors are never explained away; see
-- report/Explained). One row per message; a unit that writes twice has the later words shown.
CREATE TABLE mail_explanation (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    submission_id   BIGINT        NOT NULL,
    mail_message_id BIGINT        NOT NULL,
    sender          VARCHAR(320)  NOT NULL,
    received_at     DATETIME(3)   NOT NULL,
    explanation     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mail_explanation_message UNIQUE (mail_message_id),
    CONSTRAINT fk_mail_explanation_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
    CONSTRAINT fk_mail_explanation_message FOREIGN KEY (mail_message_id) REFERENCES mail_message (id)
);
CREATE INDEX ix_mail_explanation_submission ON mail_explanation (submission_id, received_at);

-- EXPLANATION: a reply to one of our reply mails, without a workbook: its text was stored as above.
ALTER TABLE mail_message DROP CONSTRAINT ck_mail_message_outcome;
ALTER TABLE mail_message ADD CONSTRAINT ck_mail_message_outcome
    CHECK (outcome IN ('SAVED', 'DUPLICATE', 'REFUSED', 'NO_ATTACHMENT', 'UNREADABLE', 'BOUNCE', 'EXPLANATION'));
