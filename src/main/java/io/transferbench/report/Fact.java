package io.transferbench.report;

/** A labelled value in a page's fact table (environment, grid axes, setup). */
public record Fact(String label, String value) {}
