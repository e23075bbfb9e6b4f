package cn.gov.county.gkreport.job;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The functional test with a single worker thread (a one-core machine): the read-ahead, the
 * feedback copies and the per-unit sheet then share one worker, and the results must not change.
 */
class ConsolidationJobOneWorkerTest extends ConsolidationJobFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
        registry.add("consolidator.import-threads", () -> "1");
    }
}
