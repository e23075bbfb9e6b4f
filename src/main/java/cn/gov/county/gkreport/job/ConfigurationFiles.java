package cn.gov.county.gkreport.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The configuration files Spring Boot read for this run, outside the jar: an office that puts its
 * settings in the wrong place (next to the jar, while the job runs in the installation folder) sees
 * at once that no file was read. Boot names each file's property source
 * {@code Config resource 'file [config/application.yml]' via location …}.
 */
final class ConfigurationFiles {

    private static final Pattern FILE = Pattern.compile("Config resource 'file \\[(.+?)\\]'");

    private ConfigurationFiles() {
    }

    static List<Path> read(ConfigurableEnvironment environment) {
        List<Path> files = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            Matcher m = FILE.matcher(source.getName());
            if (m.find()) {
                Path file = Path.of(m.group(1)).toAbsolutePath().normalize();
                if (!files.contains(file)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** The summary's line: which files, or that none was read and where one would be. */
    static String line(ConfigurableEnvironment environment) {
        List<Path> files = read(environment);
        if (files.isEmpty()) {
            return "配置文件: 未读取任何配置文件（只用内置默认值和命令行参数；办公室的设置应放在 "
                    + Path.of("config", "application.yml").toAbsolutePath() + "）";
        }
        return "配置文件: " + String.join("，", files.stream().map(Path::toString).toList());
    }
}
