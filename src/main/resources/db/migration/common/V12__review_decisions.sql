-- A reviewer's decisions (issue 19), read every night from the review workbook next to the roster.
-- Per unit and version: PASS (通过) or RETURN (退回, with a reason); per finding: CONFIRM (确认)
-- or CLEAR (撤销, with a reason). A decision is never updated: a changed or cleared one is
-- withdrawn (withdrawn_at) and a new row records the new one, so who decided what and when stays.
CREATE TABLE review_decision (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    report_year            INT           NOT NULL,
    submission_id          BIGINT        NOT NULL,
    rule_id                VARCHAR(16)   NULL,
    sheet_name             VARCHAR(100)  NULL,
    cell_ref               VARCHAR(16)   NULL,
    decision               VARCHAR(8)    NOT NULL,
    reason                 VARCHAR(1000) NULL,
    reviewer               VARCHAR(100)  NOT NULL,
    decided_on             VARCHAR(32)   NULL,
    recorded_at            DATETIME(3)   NOT NULL,
    recorded_by_execution  BIGINT        NOT NULL,
    withdrawn_at           DATETIME(3)   NULL,
    withdrawn_by_execution BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_review_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
    CONSTRAINT ck_review_decision CHECK (decision IN ('PASS', 'RETURN', 'CONFIRM', 'CLEAR'))
);
CREATE INDEX ix_review_year ON review_decision (report_year, withdrawn_at);

-- A version the reviewer returned: it passed every rule but counts as rejected (RETURNED) until the
-- decision is withdrawn or a new version replaces it.
ALTER TABLE submission DROP CONSTRAINT ck_submission_status;
ALTER TABLE submission ADD CONSTRAINT ck_submission_status
    CHECK (status IN ('RECEIVED', 'ACCEPTED', 'REJECTED', 'SUPERSEDED', 'RETURNED'));

-- The reviewer's return is listed with the version's findings, so the feedback copy, the reply mail
-- and 校验问题 say why, like any error.
INSERT INTO rule_definition (rule_id, severity, description) VALUES
    ('REVIEW', 'ERROR', '审核退回：通过全部校验规则，但审核人退回，要求修改后重新报送');

-- The reply that tells a unit its version was returned answers the decision, not the submission
-- (which has had its reply already).
ALTER TABLE mail_reply ADD review_decision_id BIGINT NULL;
ALTER TABLE mail_reply ADD CONSTRAINT uq_mail_reply_review UNIQUE (review_decision_id);
ALTER TABLE mail_reply ADD CONSTRAINT fk_mail_reply_review FOREIGN KEY (review_decision_id) REFERENCES review_decision (id);
ALTER TABLE mail_reply DROP CONSTRAINT ck_mail_reply_kind;
ALTER TABLE mail_reply ADD CONSTRAINT ck_mail_reply_kind
    CHECK (kind IN ('ACCEPTED', 'WARNED', 'REJECTED', 'SUPERSEDED', 'NOTICE', 'RETURNED'));
