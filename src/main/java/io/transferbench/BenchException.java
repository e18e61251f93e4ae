package io.transferbench;

/**
 * A failure the user can act on. The message is shown as it is (it names the file, the field and
 * what is allowed), and the exit code tells scripts what kind of failure it was.
 */
public class BenchException extends RuntimeException {

    /** Exit code for bad usage or a bad suite. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a missing, corrupt or unfetchable asset. */
    public static final int EXIT_ASSET = 3;
    /** Exit code when the grid ran but some cells failed. */
    public static final int EXIT_CELLS_FAILED = 4;
    /** Exit code of {@code bench status} when some planned cells have no record yet. */
    public static final int EXIT_INCOMPLETE = 5;

    private final int exitCode;

    public BenchException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public BenchException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
