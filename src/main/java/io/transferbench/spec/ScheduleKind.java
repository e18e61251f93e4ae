package io.transferbench.spec;

import java.util.List;

/** The learning-rate schedules a grid may name. */
public final class ScheduleKind {

    public static final String CONSTANT = "constant";
    public static final String STEP = "step";
    public static final String WARMUP_COSINE = "warmup-cosine";
    public static final String WARMUP_LINEAR = "warmup-linear";
    public static final String ONE_CYCLE = "one-cycle";

    public static final List<String> ALL = List.of(CONSTANT, STEP, WARMUP_COSINE, WARMUP_LINEAR, ONE_CYCLE);

    private ScheduleKind() {}
}
