package cn.gov.county.gkreport.report;

import java.nio.file.Path;
import java.util.List;

/** A unit taken off the roster, on the embedded default: an H2 file database, as the nightly run uses. */
class UnitOffRosterOnH2Test extends UnitOffRosterTest {

    @Override
    List<String> database(Path work) {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/consolidator") + ";MODE=MySQL");
    }
}
