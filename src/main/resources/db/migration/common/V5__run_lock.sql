-- The run lock: one row per report year. A run holds its year's row locked (SELECT … FOR UPDATE on a
-- connection of its own) for as long as it runs, so a second run on the same database and year is
-- refused whatever its input or output folder; the server releases the lock when the run's
-- connection ends, also when the process is killed.
CREATE TABLE run_lock (
    report_year INT NOT NULL,
    PRIMARY KEY (report_year)
);
