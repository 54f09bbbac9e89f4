package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Level of one logger ({@code GET /admin/loggers/{l}}).
 *
 * @param level        effective level name, e.g. {@code INFO}
 * @param lastModified epoch millis of the last change through the REST API; null if never changed that way
 */
@JsonPropertyOrder({"level", "last_modified"})
public record LoggerLevel(@JsonProperty("level") String level, @JsonProperty("last_modified") Long lastModified) {
}
