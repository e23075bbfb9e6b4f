package cn.gov.county.gkreport.job;

/**
 * A run refused before it starts because of something the operator must fix (a missing roster,
 * say): the exit status and the Chinese message to print, no stack trace.
 */
public class RunRefusal extends RuntimeException {

    private final int exitCode;

    public RunRefusal(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
