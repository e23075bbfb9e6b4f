package cn.gov.county.gkreport.job;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Committed means written for the embedded database too. H2 by default writes committed
 * transactions to its file up to half a second later (WRITE_DELAY=500), so a killed process lost
 * the last commits; a lost record of a mail already moved in the mailbox would lose the mail.
 * WRITE_DELAY=0 writes each commit to the file before the commit returns, so it survives the
 * process being killed (not a power cut: H2 does not force the disk on each commit; MySQL with
 * its defaults does). Put on every H2 file URL, also one given on the command line; an explicit
 * WRITE_DELAY in the URL is kept.
 */
@Component
class EmbeddedDatabaseDurability implements BeanPostProcessor {

    static final String SETTING = ";WRITE_DELAY=0";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            hikari.setJdbcUrl(durable(hikari.getJdbcUrl()));
        }
        return bean;
    }

    static String durable(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean embeddedFile = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:")
                && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
        return embeddedFile && !lower.contains(";write_delay=") ? url + SETTING : url;
    }
}
