package cn.gov.county.gkreport.review;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the reviewer's workbook is: {@code consolidator.review.file}, with {@code {year}} for the
 * reporting year. Next to the roster by default, outside the output folder the job rewrites.
 */
@ConfigurationProperties("consolidator.review")
public record ReviewSettings(@DefaultValue("jobs/review-{year}.xlsx") String file) {

    public Path fileFor(int year) {
        return Path.of(file.replace("{year}", Integer.toString(year)));
    }
}
