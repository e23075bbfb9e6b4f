package cn.gov.county.gkreport.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test in the application's context on an in-memory H2 database (MySQL mode) of its own. The
 * context is closed after the test class: the classes extending this one share its one
 * {@code @DynamicPropertySource}, so those otherwise configured alike would share one cached context
 * and its database.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class OnFreshH2Test extends ApplicationContextTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }
}
