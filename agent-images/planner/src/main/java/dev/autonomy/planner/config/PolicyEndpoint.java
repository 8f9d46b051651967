package dev.autonomy.planner.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A served Policy the planner may ask for a decision: {@code POST <endpoint>/act}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyEndpoint(String name, String description, String endpoint) {}
