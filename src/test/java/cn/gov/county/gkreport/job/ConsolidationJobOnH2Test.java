package cn.gov.county.gkreport.job;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The functional test on the embedded default: H2 in MySQL mode. */
class ConsolidationJobOnH2Test extends ConsolidationJobFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }
}
