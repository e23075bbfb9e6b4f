package cn.gov.county.gkreport.job;

import cn.gov.county.gkreport.support.Databases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RunLockOnMariaDbTest extends RunLockTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "runlock");
    }
}
