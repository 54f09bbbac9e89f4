package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One element of {@code GET /connector-plugins}.
 *
 * @param className fully qualified class name
 * @param type      {@code source, sink, transformation, predicate, converter, header_converter}
 * @param version   the plugin's version, or null when it does not declare one
 */
@JsonPropertyOrder({"class", "type", "version"})
public record PluginInfo(
        @JsonProperty("class") String className,
        @JsonProperty("type") String type,
        @JsonProperty("version") String version) {
}
