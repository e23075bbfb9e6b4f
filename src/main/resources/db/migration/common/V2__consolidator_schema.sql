-- The consolidator's own tables. Identical on H2 (MySQL mode), MySQL 8 and MariaDB: keep to the
-- SQL all three accept. Character set: create the database with utf8mb4 (see README).

-- Units the county expects reports from, kept in step with jobs/roster.csv (never deleted, so
-- history keeps its references when the roster changes).
CREATE TABLE reporting_unit (
    code       VARCHAR(32)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    unit_type  VARCHAR(16)  NOT NULL,
    PRIMARY KEY (code),
    CONSTRAINT ck_reporting_unit_type CHECK (unit_type IN ('TOWN', 'DEPARTMENT', 'DISTRICT'))
);

-- Every item code of the form definition, written from forms/*.yaml at start-up, so that stored
-- values and totals can only use codes the form defines.
CREATE TABLE form_item (
    code         VARCHAR(64)  NOT NULL,
    form_id      VARCHAR(32)  NOT NULL,
    table_code   VARCHAR(16)  NOT NULL,
    row_label    VARCHAR(200) NOT NULL,
    column_label VARCHAR(100) NOT NULL,
    value_type   VARCHAR(8)   NOT NULL,
    derived      BOOLEAN      NOT NULL,
    position     INT          NOT NULL,
    PRIMARY KEY (code),
    CONSTRAINT ck_form_item_type CHECK (value_type IN ('COUNT', 'AMOUNT'))
);

-- The rules of the national format (ids of the rules table in the form spec), plus FILE for a
-- file that cannot be read as a workbook at all and ID-HINT for a file name naming another unit.
CREATE TABLE rule_definition (
    rule_id     VARCHAR(16)  NOT NULL,
    severity    VARCHAR(8)   NOT NULL,
    description VARCHAR(200) NOT NULL,
    PRIMARY KEY (rule_id),
    CONSTRAINT ck_rule_severity CHECK (severity IN ('ERROR', 'WARNING'))
);
INSERT INTO rule_definition (rule_id, severity, description) VALUES
    ('FILE',       'ERROR',   '文件无法作为 Excel 工作簿读取（空文件、非 Excel、加密、损坏、超出安全限制）'),
    ('T3-BAL',     'ERROR',   '表三每列：第一项加第二项之和等于第三项加第四项之和'),
    ('T3-ROW',     'ERROR',   '表三每行：总计等于各类申请人之和'),
    ('T3-SUM',     'ERROR',   '表三每列：（七）总计等于（一）至（六）各项办理结果之和'),
    ('T4-SUM',     'ERROR',   '表四每组：结果维持、结果纠正、其他结果、尚未审结之和等于总计'),
    ('TYPE',       'ERROR',   '件数为非负整数，金额为非负数且最多两位小数'),
    ('T2-REG',     'ERROR',   '镇和县直单位的规章一行为 0'),
    ('ID',         'ERROR',   '单位在名册中，年度为本次汇总年度，表式版本可识别'),
    ('ID-HINT',    'WARNING', '文件名指向的单位与封面不一致（按封面识别）'),
    ('SHAPE',      'ERROR',   '各表及其固定行列齐全'),
    ('N-SUM',      'WARNING', '统计指标的总数等于分项之和；回复数不超过收到数'),
    ('X-CARRY',    'WARNING', '本年上年结转等于上年结转下年度继续办理'),
    ('X-VALID',    'WARNING', '现行有效件数等于上年现行有效加本年制发减本年废止'),
    ('V-2019',     'WARNING', '表三使用2019年试行格式'),
    ('IMPLICIT-0', 'WARNING', '空白或“-”“无”等按 0 处理');

-- One row per file received. A submission is (unit, year, version): a later file of the same unit
-- gets the next version; the latest ACCEPTED version counts, earlier ones become SUPERSEDED and
-- stay, as do REJECTED ones with their findings. unit_code and version stay NULL while the file
-- is RECEIVED (not yet read) and when its cover names no roster unit.
CREATE TABLE submission (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    report_year             INT           NOT NULL,
    unit_code               VARCHAR(32)   NULL,
    version                 INT           NULL,
    status                  VARCHAR(16)   NOT NULL,
    source                  VARCHAR(16)   NOT NULL,
    source_path             VARCHAR(2000) NOT NULL,
    file_name               VARCHAR(500)  NOT NULL,
    sha256                  CHAR(64)      NOT NULL,
    size_bytes              BIGINT        NOT NULL,
    received_at             DATETIME(3)   NOT NULL,
    file_modified_at        DATETIME(3)   NOT NULL,
    file_format             VARCHAR(8)    NULL,
    form_version            VARCHAR(32)   NULL,
    contact_person          VARCHAR(100)  NULL,
    contact_phone           VARCHAR(50)   NULL,
    registered_by_execution BIGINT        NOT NULL,
    processed_by_execution  BIGINT        NULL,
    processed_at            DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_submission_file UNIQUE (report_year, sha256),
    CONSTRAINT uq_submission_version UNIQUE (unit_code, report_year, version),
    CONSTRAINT fk_submission_unit FOREIGN KEY (unit_code) REFERENCES reporting_unit (code),
    CONSTRAINT ck_submission_status CHECK (status IN ('RECEIVED', 'ACCEPTED', 'REJECTED', 'SUPERSEDED')),
    CONSTRAINT ck_submission_source CHECK (source IN ('FOLDER', 'MAIL'))
);
CREATE INDEX ix_submission_status ON submission (report_year, status, id);

-- Figures as read, one row per (submission, item code) rather than one wide row per table: the
-- form has ~230 items in four tables, rules and totals work item by item, SUM ... GROUP BY
-- item_code computes every county figure in one statement, and a change of the national form adds
-- codes, not columns. figure is NULL when the cell held no number (raw_text says what it held).
CREATE TABLE submission_value (
    submission_id BIGINT        NOT NULL,
    item_code     VARCHAR(64)   NOT NULL,
    figure        DECIMAL(18,2) NULL,
    source_sheet  VARCHAR(100)  NOT NULL,
    source_cell   VARCHAR(16)   NOT NULL,
    raw_text      VARCHAR(200)  NULL,
    PRIMARY KEY (submission_id, item_code),
    CONSTRAINT fk_value_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
    CONSTRAINT fk_value_item FOREIGN KEY (item_code) REFERENCES form_item (code)
);
CREATE INDEX ix_value_item ON submission_value (item_code);

-- Every finding of every submission, in the order the checker listed them.
CREATE TABLE finding (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    submission_id BIGINT        NOT NULL,
    seq           INT           NOT NULL,
    rule_id       VARCHAR(16)   NOT NULL,
    severity      VARCHAR(8)    NOT NULL,
    reason_code   VARCHAR(32)   NULL,
    sheet_name    VARCHAR(100)  NOT NULL,
    cell_ref      VARCHAR(16)   NOT NULL,
    message       VARCHAR(2000) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_finding_seq UNIQUE (submission_id, seq),
    CONSTRAINT fk_finding_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
    CONSTRAINT fk_finding_rule FOREIGN KEY (rule_id) REFERENCES rule_definition (rule_id),
    CONSTRAINT ck_finding_severity CHECK (severity IN ('ERROR', 'WARNING'))
);

-- County totals and the 镇 / 县直单位 subtotals, stored with the job execution that computed them
-- so tonight's figures can be compared with last night's.
CREATE TABLE county_total (
    job_execution_id BIGINT        NOT NULL,
    report_year      INT           NOT NULL,
    scope            VARCHAR(16)   NOT NULL,
    item_code        VARCHAR(64)   NOT NULL,
    figure           DECIMAL(18,2) NOT NULL,
    unit_count       INT           NOT NULL,
    PRIMARY KEY (job_execution_id, scope, item_code),
    CONSTRAINT fk_total_item FOREIGN KEY (item_code) REFERENCES form_item (code),
    CONSTRAINT ck_total_scope CHECK (scope IN ('COUNTY', 'TOWN', 'DEPARTMENT', 'DISTRICT'))
);
CREATE INDEX ix_total_year ON county_total (report_year, job_execution_id);

-- One row per job execution that consolidated: the run record behind the summary and workbook.
CREATE TABLE consolidation_run (
    job_execution_id BIGINT        NOT NULL,
    report_year      INT           NOT NULL,
    computed_at      DATETIME(3)   NOT NULL,
    units_expected   INT           NOT NULL,
    units_accepted   INT           NOT NULL,
    units_rejected   INT           NOT NULL,
    units_missing    INT           NOT NULL,
    workbook_path    VARCHAR(1000) NULL,
    PRIMARY KEY (job_execution_id)
);
