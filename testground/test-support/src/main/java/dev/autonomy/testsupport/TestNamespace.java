package dev.autonomy.testsupport;

/** The namespace a test class owns; created before its tests and deleted after them. */
public record TestNamespace(String name) {}
