package cn.gov.county.gkreport.draft;

import java.time.Clock;
import java.util.Map;

import cn.gov.county.gkreport.consolidate.CountySelfCheck;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.deadline.DeadlineSettings;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.intake.Roster;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The county's draft annual report: its pieces (the job's {@code writeDraftStep} is wired in job/). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DraftSettings.class)
class DraftConfiguration {

    @Bean
    CountyDraft countyDraft(FormDefinition form, Roster roster, DraftSettings settings, DeadlineSettings deadlines,
                            DraftRepository queries, CountyTotalsRepository totals, Clock clock) {
        // A misspelt unit code in the settings stops the program at start, before anything is imported.
        DraftScope.of(roster, settings.units(), Map.of());
        DraftComposer composer = new DraftComposer(form, roster.countyName(), settings, deadlines);
        return new CountyDraft(new DraftSource(form, roster, settings, queries, totals), composer,
                new DraftCheck(form, new CountySelfCheck(form, roster), composer.sectionHeadings()),
                new DraftDocxWriter(), roster.countyName(), clock);
    }
}
