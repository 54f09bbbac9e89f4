package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * Definition of one config key ({@code GET /connector-plugins/{p}/config}, {@code definition} in validation answers).
 * {@code type}, {@code importance} and {@code width} are the ConfigDef enum names ({@code "STRING"}, {@code "HIGH"},
 * {@code "NONE"}); {@code default_value} is the default rendered as a string, or null when there is none.
 */
@JsonPropertyOrder({"name", "type", "required", "default_value", "importance", "documentation", "group",
        "order_in_group", "width", "display_name", "dependents"})
public record ConfigKeyInfo(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("required") boolean required,
        @JsonProperty("default_value") String defaultValue,
        @JsonProperty("importance") String importance,
        @JsonProperty("documentation") String documentation,
        @JsonProperty("group") String group,
        @JsonProperty("order_in_group") int orderInGroup,
        @JsonProperty("width") String width,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("dependents") List<String> dependents) {
}
