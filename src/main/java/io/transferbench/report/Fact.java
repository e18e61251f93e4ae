package io.transferbench.report;

/** A labelled value in a page's fact table (environment, grid axes, downloads). */
public record Fact(String label, String value) {}
