package cn.gov.county.gkreport.draft;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code draft --year=2024 [--output=output]}: writes the year's draft annual report from what the
 * database holds, without importing anything (e.g. after changing the draft settings).
 */
@Component
public class DraftCommand {

    /** Exit status when the draft was written. */
    public static final int WRITTEN = 0;
    /** Exit status when it was not (no consolidation of the year, a wrong setting, a failed self-check). */
    public static final int NOT_WRITTEN = 1;

    private static final Logger log = LoggerFactory.getLogger(DraftCommand.class);

    private final CountyDraft draft;

    public DraftCommand(CountyDraft draft) {
        this.draft = draft;
    }

    public int execute(int year, String output, PrintStream out) {
        try {
            CountyDraft.Written written = draft.write(year, Optional.empty(), Path.of(output));
            DraftScope scope = written.scope();
            out.println("年度报告草稿: " + written.file().toAbsolutePath().normalize());
            out.println("统计范围: " + scope.covered().size() + " 个单位，已计入 " + scope.counted().size() + "，未通过 "
                    + scope.rejected().size() + "，未报送 " + scope.missing().size());
            return WRITTEN;
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.error("draft for {} not written", year, e);
            out.println("错误: " + e.getMessage());
            return NOT_WRITTEN;
        } catch (java.io.IOException e) {
            log.error("draft for {} not written", year, e);
            out.println("错误: 无法写出年度报告草稿（" + e.getMessage() + "）。请检查输出目录的路径和写权限。");
            return NOT_WRITTEN;
        }
    }
}
