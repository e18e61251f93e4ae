package io.transferbench.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * A suite after its profile and command-line overrides were applied and everything was
 * validated. {@code tree} is what {@code suite.resolved.yaml} records.
 */
public record ResolvedSuite(String name, Path file, String profile, ObjectNode tree) {}
