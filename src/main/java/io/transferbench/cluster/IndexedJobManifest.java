package io.transferbench.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;

import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Locale;

/**
 * A grid as a Kubernetes Indexed Job: completion index i runs chunk i
 * ({@code JOB_COMPLETION_INDEX}), every pod writes into the run directory on one shared volume
 * and keeps assets and the feature cache on another, and a failed index is retried on its own
 * ({@code backoffLimitPerIndex}). Tasks of chunks already done find their records and end at
 * once, so the manifest always spans the whole grid.
 *
 * @param image a container image holding Java 17, the harness jar, its suites and lock in {@code workdir}
 * @param runsClaim the PersistentVolumeClaim (ReadWriteMany) mounted at {@link #RUNS_MOUNT}
 * @param cacheClaim the PersistentVolumeClaim (ReadWriteMany) mounted at {@link #CACHE_MOUNT}
 * @param memory the memory each pod requests and is limited to, e.g. {@code 8Gi}
 */
public record IndexedJobManifest(ArrayJob job, String image, String workdir, String runsClaim, String cacheClaim,
                                 String memory, int backoffLimitPerIndex) {

    public static final String RUNS_MOUNT = "/runs";
    public static final String CACHE_MOUNT = "/cache";
    private static final int NAME_LIMIT = 63;

    public String render() {
        ObjectNode root = Mappers.YAML.createObjectNode();
        root.put("apiVersion", "batch/v1");
        root.put("kind", "Job");
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("name", dnsName(job.name()));
        metadata.putObject("labels").put("app.kubernetes.io/name", "transferbench");
        ObjectNode spec = root.putObject("spec");
        int completions = Collections.max(job.indices()) + 1;
        spec.put("completionMode", "Indexed");
        spec.put("completions", completions);
        spec.put("parallelism", job.limit() > 0 ? Math.min(job.limit(), completions) : completions);
        spec.put("backoffLimitPerIndex", backoffLimitPerIndex);
        ObjectNode pod = spec.putObject("template").putObject("spec");
        // backoffLimitPerIndex requires pods that are not restarted in place
        pod.put("restartPolicy", "Never");
        ObjectNode container = pod.putArray("containers").addObject();
        container.put("name", "cells");
        container.put("image", image);
        container.put("workingDir", workdir);
        ArrayNode command = container.putArray("command");
        command.add("sh").add("-c").add("exec " + ShellWords.join(job.taskCommand()) + " \"$JOB_COMPLETION_INDEX\"");
        container.putArray("env").addObject().put("name", "TRANSFERBENCH_CACHE").put("value", CACHE_MOUNT);
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", Integer.toString(job.cpusPerTask())).put("memory", memory);
        ObjectNode limits = resources.putObject("limits").put("memory", memory);
        if (job.gpusPerTask() > 0) {
            limits.put("nvidia.com/gpu", Integer.toString(job.gpusPerTask()));
        }
        ArrayNode mounts = container.putArray("volumeMounts");
        mounts.addObject().put("name", "runs").put("mountPath", RUNS_MOUNT);
        mounts.addObject().put("name", "cache").put("mountPath", CACHE_MOUNT);
        ArrayNode volumes = pod.putArray("volumes");
        volumes.addObject().put("name", "runs").putObject("persistentVolumeClaim").put("claimName", runsClaim);
        volumes.addObject().put("name", "cache").putObject("persistentVolumeClaim").put("claimName", cacheClaim);
        try {
            return Mappers.YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Job name Kubernetes accepts: lower-case letters, digits and '-', at most 63, alphanumeric at both ends. */
    static String dnsName(String name) {
        String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        clean = clean.substring(0, Math.min(clean.length(), NAME_LIMIT)).replaceAll("^-+|-+$", "");
        return clean.isEmpty() ? "transferbench" : clean;
    }
}
