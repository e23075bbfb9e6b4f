package cn.gov.county.gkreport.report;

import java.nio.file.Path;
import java.util.List;

import cn.gov.county.gkreport.support.Databases;
import cn.gov.county.gkreport.support.TestDatabases;

/** A unit taken off the roster, on an embedded MariaDB (or ARC_TEST_MYSQL_URL's server). */
class UnitOffRosterOnMariaDbTest extends UnitOffRosterTest {

    @Override
    List<String> database(Path work) {
        TestDatabases.Database db = TestDatabases.newDatabase("offroster");
        return List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--spring.flyway.locations=" + Databases.MYSQL_MIGRATIONS);
    }
}
