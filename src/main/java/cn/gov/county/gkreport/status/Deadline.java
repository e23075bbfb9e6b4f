package cn.gov.county.gkreport.status;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reporting deadline ({@code consolidator.deadline.*}): the status page counts the days to it.
 * A group of its own so that a reminder calendar can join it later; until it is set, the mail
 * settings' {@code consolidator.mail.deadline} is taken.
 *
 * @param date the last day units may report
 */
@ConfigurationProperties("consolidator.deadline")
public record Deadline(LocalDate date) {
}
