package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code GET /health}: {@code status} is {@code healthy}, {@code starting} or {@code unhealthy}. */
@JsonPropertyOrder({"status", "message"})
public record WorkerStatus(@JsonProperty("status") String status, @JsonProperty("message") String message) {

    public static WorkerStatus healthy() {
        return new WorkerStatus("healthy", "Worker has completed startup and is ready to handle requests.");
    }

    public static WorkerStatus starting(String detail) {
        return new WorkerStatus("starting", detail);
    }

    public static WorkerStatus unhealthy(String detail) {
        return new WorkerStatus("unhealthy", detail);
    }
}
