package io.aqueduct.connect.errors;

/**
 * A {@code SchemaBuilder} was asked for a repeated, conflicting or invalid setting (a second name,
 * a default value of the wrong type, a field added twice). The message names the setting.
 */
public class SchemaBuilderException extends DataException {

    /** @param message what went wrong and how to fix it; shown to users verbatim */
    public SchemaBuilderException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it; shown to users verbatim
     * @param cause   the underlying failure, kept for the stack trace
     */
    public SchemaBuilderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param cause the underlying failure; its message becomes this exception's message */
    public SchemaBuilderException(Throwable cause) {
        super(cause);
    }
}
