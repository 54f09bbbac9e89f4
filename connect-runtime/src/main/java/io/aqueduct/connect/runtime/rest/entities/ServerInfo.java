package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code GET /}. */
@JsonPropertyOrder({"version", "commit", "kafka_cluster_id"})
public record ServerInfo(
        @JsonProperty("version") String version,
        @JsonProperty("commit") String commit,
        @JsonProperty("kafka_cluster_id") String kafkaClusterId) {
}
