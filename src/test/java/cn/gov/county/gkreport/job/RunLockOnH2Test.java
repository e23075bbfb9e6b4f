package cn.gov.county.gkreport.job;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RunLockOnH2Test extends RunLockTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }
}
