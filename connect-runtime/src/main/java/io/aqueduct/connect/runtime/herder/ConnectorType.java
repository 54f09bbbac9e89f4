package io.aqueduct.connect.runtime.herder;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Kind of a connector as reported by REST ({@code "source"}, {@code "sink"} or {@code "unknown"}). */
public enum ConnectorType {
    SOURCE,
    SINK,
    /** The herder cannot tell, e.g. the connector was just deleted but its status record still exists. */
    UNKNOWN;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
