package io.aqueduct.connect.errors;

/**
 * A value cannot be projected from its source schema onto a target schema (incompatible types,
 * a required field missing in the source without a default in the target).
 */
public class SchemaProjectorException extends DataException {

    /** @param message what went wrong and how to fix it; shown to users verbatim */
    public SchemaProjectorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it; shown to users verbatim
     * @param cause   the underlying failure, kept for the stack trace
     */
    public SchemaProjectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure; its message becomes this exception's message */
    public SchemaProjectorException(Throwable cause) {
        super(cause);
    }
}
