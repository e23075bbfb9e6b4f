-- Mail as it really arrives: delivery reports (bounces) of our own mail, our own feedback copies coming
-- back, and Outlook's winmail.dat. Identical on H2 (MySQL mode), MySQL 8 and MariaDB.

-- BOUNCE: a delivery report (multipart/report, message/delivery-status, a MAILER-DAEMON/postmaster
-- message, a Chinese server's 退信): nothing inside it is ever a submission; see mail_bounce.
ALTER TABLE mail_message DROP CONSTRAINT ck_mail_message_outcome;
ALTER TABLE mail_message ADD CONSTRAINT ck_mail_message_outcome
    CHECK (outcome IN ('SAVED', 'DUPLICATE', 'REFUSED', 'NO_ATTACHMENT', 'UNREADABLE', 'BOUNCE'));

-- FEEDBACK_COPY: one of our own feedback copies (recognised by fingerprint, see feedback_fingerprint)
-- WINMAIL_EMPTY: Outlook's rich-text winmail.dat without a workbook inside
ALTER TABLE mail_attachment DROP CONSTRAINT ck_mail_attachment_outcome;
ALTER TABLE mail_attachment ADD CONSTRAINT ck_mail_attachment_outcome
    CHECK (outcome IN ('SAVED', 'DUPLICATE', 'ARCHIVE', 'NOT_EXCEL', 'TOO_LARGE', 'UNREADABLE', 'FEEDBACK_COPY',
                       'WINMAIL_EMPTY'));

-- The Message-ID each reply and reminder went out with (a bounce names it in the returned headers),
-- and the fingerprint of the feedback copy a reply carried.
ALTER TABLE mail_reply ADD COLUMN message_id VARCHAR(500) NULL;
ALTER TABLE mail_reply ADD COLUMN attachment_sha256 CHAR(64) NULL;
CREATE INDEX ix_mail_reply_message_id ON mail_reply (message_id);
ALTER TABLE mail_reminder ADD COLUMN message_id VARCHAR(500) NULL;
ALTER TABLE mail_reminder ADD COLUMN subject VARCHAR(500) NULL;
CREATE INDEX ix_mail_reminder_message_id ON mail_reminder (message_id);

-- A delivery failure of one of our mails: which report said so, the address that did not work, and
-- the reply or reminder it concerns (by Message-ID, else recipient and subject); unit_code is the
-- unit that mail was for, so the chase list can say that its address does not work.
CREATE TABLE mail_bounce (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    mail_message_id  BIGINT        NOT NULL,
    report_year      INT           NOT NULL,
    recipient        VARCHAR(320)  NULL,
    status_code      VARCHAR(32)   NULL,
    diagnostic       VARCHAR(1000) NULL,
    bounced_at       DATETIME(3)   NOT NULL,
    mail_reply_id    BIGINT        NULL,
    mail_reminder_id BIGINT        NULL,
    unit_code        VARCHAR(32)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_mail_bounce_message FOREIGN KEY (mail_message_id) REFERENCES mail_message (id),
    CONSTRAINT fk_mail_bounce_reply FOREIGN KEY (mail_reply_id) REFERENCES mail_reply (id),
    CONSTRAINT fk_mail_bounce_reminder FOREIGN KEY (mail_reminder_id) REFERENCES mail_reminder (id)
);
CREATE INDEX ix_mail_bounce_unit ON mail_bounce (report_year, unit_code);

-- The fingerprints of the feedback copies this system wrote (attached to replies, or found in the
-- output folder): such a file coming back, from anywhere, is never imported as a submission.
CREATE TABLE feedback_fingerprint (
    sha256      CHAR(64)     NOT NULL,
    report_year INT          NOT NULL,
    file_name   VARCHAR(500) NOT NULL,
    recorded_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (sha256)
);
