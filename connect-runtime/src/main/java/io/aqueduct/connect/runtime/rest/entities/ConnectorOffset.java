package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * One partition and its offset. For sink connectors the partition holds {@code kafka_topic}/{@code kafka_partition}
 * and the offset {@code kafka_offset}; for source connectors both are whatever the connector wrote.
 * In an alter request a null offset means "forget this partition".
 */
@JsonPropertyOrder({"partition", "offset"})
public record ConnectorOffset(@JsonProperty("partition") Map<String, Object> partition,
                              @JsonProperty("offset") Map<String, Object> offset) {
}
