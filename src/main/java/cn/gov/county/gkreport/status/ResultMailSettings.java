package cn.gov.county.gkreport.status;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The result mail to the office itself ({@code consolidator.result-mail.*}): off by default. It is
 * sent through the SMTP server and sender of {@code consolidator.mail.*}.
 *
 * @param enabled send one mail after each night's run
 * @param to      the office's own address (several separated by commas)
 */
@ConfigurationProperties("consolidator.result-mail")
public record ResultMailSettings(boolean enabled, String to) {
}
