package io.aqueduct.connect.runtime.storage;

/** Stored worker state cannot be read or written; the message names the file or topic and how to fix it. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
