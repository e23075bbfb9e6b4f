package cn.gov.county.gkreport.draft;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The county draft on the embedded default: H2 in MySQL mode. */
class CountyDraftOnH2Test extends CountyDraftFunctionalTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }
}
