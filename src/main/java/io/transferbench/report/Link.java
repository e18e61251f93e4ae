package io.transferbench.report;

/** A link on a page; {@code href} is relative to the page. */
public record Link(String text, String href) {}
