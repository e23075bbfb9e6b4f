package cn.gov.county.gkreport.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command line, checked before Spring or the database start: help for {@code --help}, {@code -h},
 * {@code help} or no arguments, and a named refusal (exit status 2) for an unknown command, an
 * unknown or misspelt option, a malformed value or a missing year. What passes goes on unchanged to
 * the command (Spring properties {@code --spring.*}, {@code --consolidator.*}, {@code --logging.*}
 * stay allowed for the commands that start Spring).
 */
public final class CommandLine {

    /** Exit status after help was printed. */
    public static final int HELP = 0;
    /** Exit status when the command line is wrong (the same as a wrong folder, see ConsolidationCommand). */
    public static final int USAGE = 2;

    private static final Pattern YEAR = Pattern.compile("(19|20|21)\\d{2}");
    private static final List<String> SPRING_PREFIXES = List.of("spring.", "consolidator.", "logging.");
    private static final Set<String> HELP_WORDS = Set.of("--help", "-h", "help", "-help", "--帮助", "帮助");

    /** An option {@code --name=value}: what it means and an example value. */
    record Option(String name, boolean required, String meaning, String example) {
    }

    /** A command word (empty for the nightly run) with its options. */
    record Command(String word, String meaning, List<Option> options, boolean springProperties) {

        Optional<Option> option(String name) {
            return options.stream().filter(o -> o.name().equals(name)).findFirst();
        }

        String display() {
            return word.isEmpty() ? "（无命令词，夜间汇总）" : word;
        }
    }

    private static final Option YEAR_OPTION = new Option("year", true, "报告年度（四位数字）", "2024");

    static final List<Command> COMMANDS = List.of(
            new Command("", "夜间汇总：收取、校验、入库、汇总，写出汇总工作簿、反馈文件、催报名单和状态页", List.of(
                    YEAR_OPTION,
                    new Option("input", false, "输入目录，各单位文件放在其下的 <年度>/ 子目录中（默认 input）", "input"),
                    new Option("output", false, "输出目录，结果写在其下的 <年度>/ 子目录中（默认 output）", "output")),
                    true),
            new Command("template", "生成空白标准模板（不需要数据库）", List.of(
                    new Option("year", false, "模板上的报告年度（默认 2024）", "2024"),
                    new Option("out", false, "模板写入的目录（默认 templates）", "templates")),
                    false),
            new Command("demo", "生成演示用的各单位报送文件（不需要数据库）", List.of(
                    new Option("year", false, "报告年度（默认 2024）", "2024"),
                    new Option("out", false, "写入的目录（默认 input/<年度>）", "input/2024"),
                    new Option("roster", false, "单位名册（默认 jobs/roster.csv）", "jobs/roster.csv"),
                    new Option("county", false, "县名（默认 泽州县）", "泽州县")),
                    false),
            new Command("draft", "由数据库中已校验的汇总数生成本县年度报告 Word 草稿（不重新收取文件）", List.of(
                    YEAR_OPTION,
                    new Option("output", false, "输出目录，草稿写在其下的 <年度>/ 子目录中（默认 output）", "output")),
                    true));

    private CommandLine() {
    }

    /**
     * Prints help or a refusal when the arguments call for it.
     *
     * @return the exit status to end with now, or empty when the command may start
     */
    public static OptionalInt check(String[] args, PrintStream out) {
        if (args.length == 0 || (args.length == 1 && HELP_WORDS.contains(args[0]))) {
            out.print(help());
            return OptionalInt.of(HELP);
        }
        Optional<String> problem = problem(args);
        if (problem.isPresent()) {
            out.println("错误: " + problem.get());
            out.println("运行 java -jar annual-report-consolidator.jar --help 查看全部命令和参数。");
            return OptionalInt.of(USAGE);
        }
        return OptionalInt.empty();
    }

    /** What is wrong with the arguments, in Chinese, naming the argument; empty when nothing is. */
    static Optional<String> problem(String[] args) {
        int first = 0;
        Command command = COMMANDS.get(0);
        if (!args[0].startsWith("-")) {
            Optional<Command> named = COMMANDS.stream().filter(c -> !c.word().isEmpty() && c.word().equals(args[0]))
                    .findFirst();
            if (named.isEmpty()) {
                return Optional.of("未知命令 “" + args[0] + "”。可用的命令: " + COMMANDS.stream().skip(1)
                        .map(Command::word).collect(Collectors.joining("、")) + "；夜间汇总不需要命令词。");
            }
            command = named.get();
            first = 1;
        }
        Set<String> seen = new HashSet<>();
        for (int i = first; i < args.length; i++) {
            String arg = args[i];
            if (HELP_WORDS.contains(arg)) {
                return Optional.of("“" + arg + "” 须单独使用（只写 --help）。");
            }
            if (!arg.startsWith("--")) {
                return Optional.of("无法识别的参数 “" + arg + "”。参数的写法是 --名称=值，例如 --year=2024"
                        + (i > first ? "（名称和值之间用等号，不用空格）" : "") + "。");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (command.springProperties() && SPRING_PREFIXES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            Optional<Option> option = command.option(name);
            if (option.isEmpty()) {
                return Optional.of("未知参数 “" + arg + "”" + suggestion(command, name) + "。命令 " + command.display()
                        + " 可用的参数: " + command.options().stream().map(o -> "--" + o.name())
                        .collect(Collectors.joining("、")) + (command.springProperties()
                        ? "，以及 --spring.*、--consolidator.* 等配置项" : "") + "。");
            }
            if (eq < 0 || eq == arg.length() - 1) {
                return Optional.of("参数 “" + arg + "” 缺少值，应写成 --" + name + "=" + option.get().example() + "。");
            }
            if (!seen.add(name)) {
                return Optional.of("参数 --" + name + " 重复出现，只能给一次。");
            }
            String value = arg.substring(eq + 1);
            if (name.equals("year") && !YEAR.matcher(value).matches()) {
                return Optional.of("参数 “" + arg + "” 的年度 “" + value + "” 不是四位数字的年份，应写成例如 --year=2024。");
            }
        }
        for (Option option : command.options()) {
            if (option.required() && !seen.contains(option.name())) {
                return Optional.of("缺少参数 --" + option.name() + "：请用 --" + option.name() + "=" + option.example()
                        + " 指定" + option.meaning() + "。");
            }
        }
        return Optional.empty();
    }

    /** 「（是否想写 --year？）」 for a name one or two edits away from a known option. */
    private static String suggestion(Command command, String name) {
        return command.options().stream().filter(o -> editDistance(o.name(), name) <= 2).findFirst()
                .map(o -> "（是否想写 --" + o.name() + "？）").orElse("");
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit ({@code yaer} → {@code year}). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The help text: every command and option with an example, the exit statuses. */
    public static String help() {
        StringBuilder text = new StringBuilder();
        text.append("年报汇总 · 政府信息公开工作年度报告汇总\n\n");
        text.append("用法: java -jar annual-report-consolidator.jar [命令] --名称=值 …\n\n");
        for (Command command : COMMANDS) {
            text.append(command.word().isEmpty() ? "夜间汇总（不写命令词）" : command.word()).append("\n");
            text.append("    ").append(command.meaning()).append("\n");
            for (Option option : command.options()) {
                text.append(String.format("    --%-8s %s%s%n", option.name(), option.required() ? "（必填）" : "",
                        option.meaning()));
            }
            text.append("    例: java -jar annual-report-consolidator.jar ")
                    .append(command.word().isEmpty() ? "" : command.word() + " ")
                    .append(command.options().stream().map(o -> "--" + o.name() + "=" + o.example()).collect(Collectors.joining(" ")))
                    .append("\n\n");
        }
        text.append("""
                配置项（夜间汇总和 draft）: 任何 Spring 配置都可写在命令行上，例如
                    --spring.profiles.active=mysql           使用 MySQL（连接见环境变量 ARC_DB_URL 等）
                    --consolidator.deadline.date=2025-01-31  报送截止日（状态页显示剩余天数）
                    --consolidator.import-threads=4          同时读取校验的工作簿数
                    --consolidator.result-mail.enabled=true  每晚把结果发到本办邮箱（另设 result-mail.to）

                退出状态: 0 完成（即使有单位未通过）；1 运行失败（再次运行同一命令即从中断处继续）；
                          2 命令行或目录有误（提示会说明哪一项）；3 同一年度的另一次汇总仍在运行。
                帮助: --help、-h、help 或不带参数。详见 README。
                """);
        return text.toString();
    }
}
