package io.aqueduct.connect.bench;

/** A worker could not be started or did not come up: reported as "not available", not as a crash. */
final class WorkerUnavailableException extends Exception {

    WorkerUnavailableException(String message) {
        super(message);
    }
}
