package io.aqueduct.connect.runtime.rest.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A plain {@code {"message": ...}} answer, e.g. after altering or resetting offsets. */
public record Message(@JsonProperty("message") String message) {

    /** The answer to a successful {@code PATCH /connectors/{c}/offsets}. */
    public static Message offsetsAltered() {
        return new Message("The offsets for this connector have been altered successfully");
    }

    /** The answer to a successful {@code DELETE /connectors/{c}/offsets}. */
    public static Message offsetsReset() {
        return new Message("The offsets for this connector have been reset successfully");
    }
}
