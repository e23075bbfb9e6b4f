package cn.gov.county.gkreport.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.gov.county.gkreport.ConsolidatorProperties;
import cn.gov.county.gkreport.check.SubmissionAssessor;
import cn.gov.county.gkreport.check.SubmissionChecker;
import cn.gov.county.gkreport.consolidate.CountyTotalsCalculator;
import cn.gov.county.gkreport.consolidate.CountyTotalsRepository;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.intake.Roster;
import cn.gov.county.gkreport.read.SubmissionReader;
import cn.gov.county.gkreport.read.grid.WorkbookLoader;
import cn.gov.county.gkreport.store.SubmissionRepository;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain pieces the job's steps are made of, wired once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsolidatorProperties.class)
class ApplicationConfiguration {

    @Bean
    FormDefinition formDefinition() {
        return FormDefinitionLoader.loadCurrent();
    }

    /** A roster that is missing or malformed refuses the run (exit 2) with its path, before the job starts. */
    @Bean
    Roster roster(ConsolidatorProperties properties) throws IOException {
        Path file = properties.roster().toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new RunRefusal(ConsolidationCommand.USAGE, "名册文件不存在: " + file + "。请检查路径（设置项 consolidator.roster，"
                    + "例如 --consolidator.roster=jobs/roster.csv）；名册每行一个应报单位: code,name,type（见 README）。");
        }
        try {
            return Roster.read(properties.roster(), properties.countyName());
        } catch (IllegalArgumentException malformed) {
            throw new RunRefusal(ConsolidationCommand.USAGE, "名册文件格式有误: " + file + "（" + malformed.getMessage()
                    + "）。名册每行一个应报单位: code,name,type，第一行为表头（见 README）。");
        }
    }

    @Bean
    SubmissionReader submissionReader(FormDefinition form, ConsolidatorProperties properties) {
        return new SubmissionReader(form, new WorkbookLoader(properties.readLimits()), properties.templateName());
    }

    @Bean
    SubmissionAssessor submissionAssessor(FormDefinition form, Roster roster, SubmissionReader reader,
                                          SubmissionRepository submissions) {
        return new SubmissionAssessor(form, roster, reader, SubmissionChecker.allRules(), submissions::acceptedFigures);
    }

    @Bean
    CountyTotalsCalculator countyTotalsCalculator(FormDefinition form, Roster roster, CountyTotalsRepository totals) {
        return new CountyTotalsCalculator(form, roster, totals);
    }
}
