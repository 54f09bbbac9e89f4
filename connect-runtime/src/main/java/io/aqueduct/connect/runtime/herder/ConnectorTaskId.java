package io.aqueduct.connect.runtime.herder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies one task of a connector. Serialised in REST answers as {@code {"connector":..,"task":..}};
 * {@link #toString()} gives the {@code <connector>-<task>} form used in messages and status records.
 */
@JsonPropertyOrder({"connector", "task"})
public record ConnectorTaskId(@JsonProperty("connector") String connector, @JsonProperty("task") int task)
        implements Comparable<ConnectorTaskId> {

    private static final Comparator<ConnectorTaskId> ORDER =
            Comparator.comparing(ConnectorTaskId::connector).thenComparingInt(ConnectorTaskId::task);

    public ConnectorTaskId {
        Objects.requireNonNull(connector, "connector");
    }

    @Override
    public int compareTo(ConnectorTaskId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return connector + "-" + task;
    }
}
