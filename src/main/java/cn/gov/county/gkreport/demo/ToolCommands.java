package cn.gov.county.gkreport.demo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gov.county.gkreport.form.CoverField;
import cn.gov.county.gkreport.form.FormContent;
import cn.gov.county.gkreport.form.FormDefinition;
import cn.gov.county.gkreport.form.FormDefinitionLoader;
import cn.gov.county.gkreport.form.FormFiles;
import cn.gov.county.gkreport.intake.Roster;

/**
 * The two commands that produce files from the form definition without a database:
 * <pre>
 *   template --year=2024 [--out=templates]          the blank standard template
 *   demo --year=2024 [--out=input/2024] [--roster=jobs/roster.csv]   the demo submissions
 * </pre>
 */
public final class ToolCommands {

    private ToolCommands() {
    }

    public static boolean handles(String word) {
        return List.of("template", "demo").contains(word);
    }

    public static int run(String command, String[] args) throws Exception {
        Map<String, String> options = options(args);
        int year = Integer.parseInt(options.getOrDefault("year", "2024"));
        FormDefinition form = FormDefinitionLoader.loadCurrent();
        if (command.equals("template")) {
            Path file = Path.of(options.getOrDefault("out", "templates"))
                    .resolve(templateFileName(year));
            Map<String, String> cover = new HashMap<>();
            cover.put(CoverField.YEAR, Integer.toString(year));
            cover.put(CoverField.FORM_VERSION, form.id());
            new FormFiles(form).writeTemplate(file, FormContent.blank(cover));
            System.out.println("已生成空白模板: " + file);
        } else {
            Roster roster = Roster.read(Path.of(options.getOrDefault("roster", "jobs/roster.csv")),
                    options.getOrDefault("county", "泽州县"));
            Path dir = Path.of(options.getOrDefault("out", "input/" + year));
            List<Path> files = new DemoSubmissions(form, roster, year).writeAll(dir);
            System.out.println("已生成 " + files.size() + " 份演示报送文件: " + dir);
        }
        return 0;
    }

    public static String templateFileName(int year) {
        return "政府信息公开工作年度报告-" + year + "-标准模板.xlsx";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (expected --name=value)");
            }
        }
        return options;
    }
}
