package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collection;

/**
 * Topics a connector has used since its active topics were last reset. REST renders it keyed by the connector
 * name: {@code {"<c>":{"topics":[...]}}}.
 */
public record ActiveTopicsInfo(@JsonIgnore String connector, @JsonProperty("topics") Collection<String> topics) {
}
