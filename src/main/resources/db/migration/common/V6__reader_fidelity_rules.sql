-- Rules of the reader's own decisions and of implausible figures (issue 13). ID-HINT stays for the
-- findings already stored: a file name naming another unit than the cover is now ID-CONFLICT, an error.
INSERT INTO rule_definition (rule_id, severity, description) VALUES
    ('ID-CONFLICT', 'ERROR',   '文件名（或来信人）指向的单位与封面不一致，暂不接收，不替换任何单位的报告'),
    ('SHEET',       'WARNING', '隐藏的工作表有表格内容（按可见的读取）；两张可见的同一表格为错误'),
    ('UNIT',        'WARNING', '金额写了与本栏不同的货币单位（如“元”），已换算'),
    ('RANGE',       'ERROR',   '数字超过一个单位一年可能达到的数量（如误填电话号码）'),
    ('T2-FEE-MAG',  'WARNING', '收费金额大得像是按“元”填进了“万元”栏'),
    ('FORMULA',     'WARNING', '公式没有保存计算结果，已按公式计算'),
    ('N-ABSENT',    'WARNING', '没有“总体情况”统计指标工作表'),
    ('INVISIBLE',   'WARNING', '数字前后有看不见的字符（如零宽空格），已去掉');
