package io.transferbench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The harness version and git commit, stamped into the jar at build time. */
public record HarnessVersion(String version, String commit) {

    public static HarnessVersion current() {
        Properties p = new Properties();
        try (InputStream in = HarnessVersion.class.getResourceAsStream("/transferbench-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown": a missing stamp must not stop a run
        }
        String commit = p.getProperty("commit", "unknown");
        if (commit.startsWith("${")) {
            commit = "unknown";
        } else if ("true".equals(p.getProperty("dirty"))) {
            commit += "-dirty";
        }
        String version = p.getProperty("version", "unknown");
        return new HarnessVersion(version.startsWith("${") ? "unknown" : version, commit);
    }

    @Override
    public String toString() {
        return version + " (" + commit + ")";
    }
}
