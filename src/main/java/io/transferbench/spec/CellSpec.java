package io.transferbench.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Everything one cell of the grid needs, fully resolved: the suite's settings with this cell's
 * grid values applied. Its canonical JSON (plus the asset checksums) is the cell's identity.
 * {@code head} holds the task's head and loss options, as the task's rule checked them.
 */
public record CellSpec(
        String suite,
        String task,
        ModelSpec model,
        DatasetSpec dataset,
        ObjectNode head,
        TrainingSpec training,
        Strategy strategy,
        FreezeDepth freeze,
        String schedule,
        double lr,
        double layerDecay,
        long seed,
        List<String> metrics) {}
