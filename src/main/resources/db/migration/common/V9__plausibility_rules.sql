-- Plausibility checks (issue 19): figures that add up but are almost certainly wrong. What each
-- looks at is in the form definition's plausibility section.
INSERT INTO rule_definition (rule_id, severity, description) VALUES
    ('X-YOY',        'WARNING', '关键合计数与本单位上年已接收的报告相比变化超过五倍（或由 0 变为较大的数、由较大的数变为 0）'),
    ('X-SAME',       'WARNING', '表二、表三、表四与本单位上年已接收的报告完全相同（可能误报了上年的表格）'),
    ('T2-VALID-MIN', 'ERROR',   '现行有效件数少于本年制发件数减本年废止件数，不可能'),
    ('ZERO-ALL',     'WARNING', '表三和表四全部为 0，需单位确认'),
    ('FEE-NOTICE',   'WARNING', '表三（六）2 有逾期未缴费的申请，但没有填报任何收费');
