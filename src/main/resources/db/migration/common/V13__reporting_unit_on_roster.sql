-- Whether a unit is on the roster the office runs with (jobs/roster.csv), kept in step at every start.
-- A unit taken off the roster keeps its row and its stored submissions (history), but its reports
-- are counted nowhere: not in the county totals, 分单位明细 or 数据溯源.
ALTER TABLE reporting_unit ADD COLUMN on_roster BOOLEAN NOT NULL DEFAULT TRUE;
