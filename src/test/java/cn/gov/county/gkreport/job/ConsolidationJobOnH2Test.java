package cn.gov.county.gkreport.job;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The functional test on the embedded default: H2 in MySQL mode. */
class ConsolidationJobOnH2Test extends ConsolidationJobFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:e2e-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
    }
}
