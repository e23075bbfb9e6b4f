-- Mail: submissions taken from the office mailbox, replies to their senders, reminders to units
-- that have not reported. Identical on H2 (MySQL mode), MySQL 8 and MariaDB: keep to the SQL all
-- three accept.

-- Every message the mailbox intake looked at, once (Message-ID is unique: a second delivery of the
-- same message is recognised and not taken again). outcome says what became of it:
--   SAVED         at least one Excel attachment saved into input/<year>/ (a new file)
--   DUPLICATE     Excel attachments, all of them files already received (same SHA-256)
--   REFUSED       attachments, but none usable (archive, not Excel, too large): the sender is told
--   NO_ATTACHMENT no attachment at all: left in the mailbox for a person, no reply
--   UNREADABLE    the message's structure could not be read: left in the mailbox for a person
-- server_state: PENDING (recorded, not yet marked/moved on the server), DONE (marked or moved),
-- LEFT (deliberately left as it was).
CREATE TABLE mail_message (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    message_id           VARCHAR(500)  NOT NULL,
    report_year          INT           NOT NULL,
    mailbox_folder       VARCHAR(200)  NOT NULL,
    sender               VARCHAR(320)  NOT NULL,
    sender_name          VARCHAR(200)  NULL,
    reply_to             VARCHAR(320)  NULL,
    subject              VARCHAR(1000) NULL,
    sent_at              DATETIME(3)   NULL,
    received_at          DATETIME(3)   NOT NULL,
    auto_generated       BOOLEAN       NOT NULL,
    outcome              VARCHAR(16)   NOT NULL,
    note                 VARCHAR(1000) NULL,
    server_state         VARCHAR(16)   NOT NULL,
    fetched_at           DATETIME(3)   NOT NULL,
    fetched_by_execution BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mail_message_id UNIQUE (message_id),
    CONSTRAINT ck_mail_message_outcome CHECK (outcome IN ('SAVED', 'DUPLICATE', 'REFUSED', 'NO_ATTACHMENT', 'UNREADABLE')),
    CONSTRAINT ck_mail_message_state CHECK (server_state IN ('PENDING', 'DONE', 'LEFT'))
);
CREATE INDEX ix_mail_message_year ON mail_message (report_year, received_at);

-- Every attachment of a recorded message, in the message's order. The link to the submission is
-- the file's fingerprint: submission (report_year, sha256). outcome:
--   SAVED      saved as saved_name into input/<year>/ (intake registers it as a submission)
--   DUPLICATE  a file already received (by mail or in the folder): not saved again
--   ARCHIVE    a .zip/.rar/.7z…: never unpacked; the sender is asked to attach the Excel file itself
--   NOT_EXCEL  another kind of file (PDF, Word, .et, pictures…)
--   TOO_LARGE  larger than consolidator.read-limits.max-file-bytes: not downloaded further
--   UNREADABLE its content could not be decoded (broken base64…)
CREATE TABLE mail_attachment (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    mail_message_id BIGINT        NOT NULL,
    seq             INT           NOT NULL,
    report_year     INT           NOT NULL,
    name_as_sent    VARCHAR(500)  NOT NULL,
    saved_name      VARCHAR(500)  NULL,
    content_type    VARCHAR(200)  NULL,
    sha256          CHAR(64)      NULL,
    size_bytes      BIGINT        NULL,
    outcome         VARCHAR(16)   NOT NULL,
    note            VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mail_attachment_seq UNIQUE (mail_message_id, seq),
    CONSTRAINT fk_mail_attachment_message FOREIGN KEY (mail_message_id) REFERENCES mail_message (id),
    CONSTRAINT ck_mail_attachment_outcome CHECK (outcome IN ('SAVED', 'DUPLICATE', 'ARCHIVE', 'NOT_EXCEL', 'TOO_LARGE',
                                                      'UNREADABLE'))
);
CREATE INDEX ix_mail_attachment_sha ON mail_attachment (report_year, sha256);

-- Replies sent by return mail. One per submission (submission_id unique) and one notice per message
-- that brought nothing new to process (notice_message_id unique): never twice, whatever reruns.
-- A row is written as SENDING before the mail goes out and becomes SENT after; a SENDING row left by
-- a crash is not sent again (better one reply missing than two), a FAILED one is tried again.
CREATE TABLE mail_reply (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    submission_id     BIGINT        NULL,
    notice_message_id BIGINT        NULL,
    answered_message  BIGINT        NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    recipient         VARCHAR(320)  NOT NULL,
    subject           VARCHAR(500)  NOT NULL,
    attachment_name   VARCHAR(500)  NULL,
    status            VARCHAR(16)   NOT NULL,
    error             VARCHAR(1000) NULL,
    created_at        DATETIME(3)   NOT NULL,
    sent_at           DATETIME(3)   NULL,
    job_execution_id  BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_mail_reply_submission UNIQUE (submission_id),
    CONSTRAINT uq_mail_reply_notice UNIQUE (notice_message_id),
    CONSTRAINT fk_mail_reply_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
    CONSTRAINT fk_mail_reply_notice FOREIGN KEY (notice_message_id) REFERENCES mail_message (id),
    CONSTRAINT fk_mail_reply_answered FOREIGN KEY (answered_message) REFERENCES mail_message (id),
    CONSTRAINT ck_mail_reply_kind CHECK (kind IN ('ACCEPTED', 'WARNED', 'REJECTED', 'SUPERSEDED', 'NOTICE')),
    CONSTRAINT ck_mail_reply_status CHECK (status IN ('SENDING', 'SENT', 'FAILED'))
);

-- Reminders to roster units without an accepted submission, so the configured interval holds across
-- nightly runs (same SENDING / SENT / FAILED protocol as replies).
CREATE TABLE mail_reminder (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    report_year      INT           NOT NULL,
    unit_code        VARCHAR(32)   NOT NULL,
    recipient        VARCHAR(320)  NOT NULL,
    standing         VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    error            VARCHAR(1000) NULL,
    created_at       DATETIME(3)   NOT NULL,
    sent_at          DATETIME(3)   NULL,
    job_execution_id BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_mail_reminder_unit FOREIGN KEY (unit_code) REFERENCES reporting_unit (code),
    CONSTRAINT ck_mail_reminder_status CHECK (status IN ('SENDING', 'SENT', 'FAILED'))
);
CREATE INDEX ix_mail_reminder_unit ON mail_reminder (report_year, unit_code, created_at);
