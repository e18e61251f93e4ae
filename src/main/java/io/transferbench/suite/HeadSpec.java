package io.transferbench.suite;

/** The new head put on the backbone: dropout then linear, with an optional hidden layer. */
public record HeadSpec(double dropout, int hidden) {

    public static final HeadSpec DEFAULT = new HeadSpec(0.0, 0);
}
