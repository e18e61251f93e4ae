package io.transferbench.results;

import io.transferbench.HarnessVersion;
import io.transferbench.suite.ConfigSchema;

import java.time.Instant;

/**
 * {@code run.json}: what a run directory's records are, beside what they say. A directory
 * without one was written before config versions (version {@link ConfigSchema#UNVERSIONED}).
 *
 * @param configSchema the version of every cell config in the directory
 * @param profile the suite profile the run used
 * @param harnessVersion the harness that started the run
 * @param harnessCommit its commit
 * @param createdAt when the directory was made
 */
public record RunManifest(int configSchema, String profile, String harnessVersion, String harnessCommit,
                          String createdAt) {

    public static final String FILE = "run.json";

    static RunManifest now(String profile) {
        HarnessVersion harness = HarnessVersion.current();
        return new RunManifest(ConfigSchema.CURRENT, profile, harness.version(), harness.commit(), Instant.now().toString());
    }
}
