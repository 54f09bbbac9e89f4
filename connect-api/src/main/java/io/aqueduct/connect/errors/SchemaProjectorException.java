package io.aqueduct.connect.errors;

/**
 * A value cannot be projected from its source schema onto a target schema (incompatible types,
 * a required field missing in the source without a default in the target).
 */
public class SchemaProjectorException extends DataException {

    public SchemaProjectorException(String message) {
        super(message);
    }

    public SchemaProjectorException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaProjectorException(Throwable cause) {
        super(cause);
    }
}
