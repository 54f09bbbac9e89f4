package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aqueduct.connect.runtime.herder.ConnectorType;

import java.util.List;

/**
 * Body of {@code GET /connectors/{c}/status}. States are the status strings {@code RUNNING, PAUSED, STOPPED, FAILED,
 * RESTARTING, UNASSIGNED}; {@code trace} (the failure's stack trace) is left out of the JSON when null.
 */
@JsonPropertyOrder({"name", "connector", "tasks", "type"})
public record ConnectorStateInfo(
        @JsonProperty("name") String name,
        @JsonProperty("connector") ConnectorState connector,
        @JsonProperty("tasks") List<TaskState> tasks,
        @JsonProperty("type") ConnectorType type) {

    /** State of the connector instance itself. */
    @JsonPropertyOrder({"state", "worker_id", "version", "trace"})
    public record ConnectorState(
            @JsonProperty("state") String state,
            @JsonProperty("worker_id") String workerId,
            @JsonProperty("version") String version,
            @JsonProperty("trace") @JsonInclude(JsonInclude.Include.NON_NULL) String trace) {
    }

    /** State of one task ({@code GET /connectors/{c}/tasks/{t}/status}). */
    @JsonPropertyOrder({"id", "state", "worker_id", "version", "trace"})
    public record TaskState(
            @JsonProperty("id") int id,
            @JsonProperty("state") String state,
            @JsonProperty("worker_id") String workerId,
            @JsonProperty("version") String version,
            @JsonProperty("trace") @JsonInclude(JsonInclude.Include.NON_NULL) String trace) {
    }
}
