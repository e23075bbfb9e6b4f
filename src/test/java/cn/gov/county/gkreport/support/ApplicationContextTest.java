package cn.gov.county.gkreport.support;

import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.job.ConsolidationCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test in the application's own Spring context (profile {@code test}), with the beans most tests
 * drive and inspect the job through. The database is the test's choice: a {@code @DynamicPropertySource}
 * of its own (see {@link Databases}), or {@link OnFreshH2Test}.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class ApplicationContextTest {

    @Autowired
    protected ConsolidationCommand command;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected FormDefinition form;
    @Autowired
    protected Roster roster;
}
