package io.aqueduct.connect.errors;

/**
 * A {@code SchemaBuilder} was asked for a repeated, conflicting or invalid setting (a second name,
 * a default value of the wrong type, a field added twice). The message names the setting.
 */
public class SchemaBuilderException extends DataException {

    public SchemaBuilderException(String message) {
        super(message);
    }

    public SchemaBuilderException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaBuilderException(Throwable cause) {
        super(cause);
    }
}
