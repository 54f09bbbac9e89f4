package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code PUT /connector-plugins/{p}/config/validate}.
 *
 * @param name       the {@code connector.class} value that was validated
 * @param errorCount number of error messages over all keys (one key may contribute several)
 */
@JsonPropertyOrder({"name", "error_count", "groups", "configs"})
public record ConfigInfos(
        @JsonProperty("name") String name,
        @JsonProperty("error_count") int errorCount,
        @JsonProperty("groups") List<String> groups,
        @JsonProperty("configs") List<ConfigInfo> configs) {

    /** Every error message, in key order, prefixed by nothing: they already name the key and the value. */
    public List<String> errorMessages() {
        List<String> messages = new ArrayList<>();
        for (ConfigInfo config : configs) {
            if (config.value() != null && config.value().errors() != null) {
                messages.addAll(config.value().errors());
            }
        }
        return messages;
    }
}
