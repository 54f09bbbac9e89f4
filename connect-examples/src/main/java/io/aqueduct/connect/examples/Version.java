package io.aqueduct.connect.examples;

/** The version every example plugin reports; shown by {@code GET /connector-plugins}. */
final class Version {

    static final String VALUE = "0.1.0";

    private Version() {
    }
}
