package cn.gov.county.gkreport;

import java.nio.file.Path;

import cn.gov.county.gkreport.read.grid.ReadLimits;
import cn.gov.county.gkreport.report.CountyOffice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's settings ({@code consolidator.*} in application.yml, overridable on the command
 * line like any Spring property).
 *
 * @param countyName   the county's name, for titles and the one-level-up cover
 * @param countyCode   the county's code on the cover of its consolidated report (one level up)
 * @param countyContact the office's contact person on that cover (empty when not set)
 * @param countyPhone  the office's phone on that cover (empty when not set)
 * @param roster       the roster CSV ({@code code,name,type})
 * @param chunkSize    submissions per import transaction
 * @param importThreads how many workbooks are read and checked at once, ahead of the chunk being written (writes stay in order)
 * @param templateName the blank template's file name, quoted in messages to clerks
 * @param readLimits   how large a submitted file may be, unpacked and in cells, before it is refused
 */
@ConfigurationProperties("consolidator")
public record ConsolidatorProperties(String countyName, String countyCode, String countyContact, String countyPhone,
                                     Path roster, int chunkSize, int importThreads, String templateName,
                                     ReadLimits readLimits) {

    public ConsolidatorProperties {
        readLimits = readLimits == null ? ReadLimits.defaults() : readLimits;
    }

    /** The office as its consolidated report's cover names it. */
    public CountyOffice countyOffice() {
        return new CountyOffice(countyCode, countyContact, countyPhone);
    }

    /** The size of the job's worker pool: {@code importThreads}, at least one. */
    public int workerThreads() {
        return Math.max(1, importThreads);
    }
}
