-- What a unit wrote on its workbook's 说明 sheet (issue 19), kept with the submission version it
-- came in. A row explains the unit's warnings of rule_id: every one, or the one at cell_ref when
-- that is not empty. Errors are not explained away (the queries match warnings only).
CREATE TABLE submission_explanation (
    submission_id BIGINT        NOT NULL,
    seq           INT           NOT NULL,
    rule_id       VARCHAR(16)   NOT NULL,
    cell_ref      VARCHAR(16)   NOT NULL,
    explanation   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (submission_id, seq),
    CONSTRAINT fk_explanation_submission FOREIGN KEY (submission_id) REFERENCES submission (id)
);
