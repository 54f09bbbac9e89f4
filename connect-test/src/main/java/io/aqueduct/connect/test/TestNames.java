package io.aqueduct.connect.test;

import java.util.UUID;

/** Names that are unique per test run, so tests can share an external cluster and be rerun against it. */
public final class TestNames {

    private TestNames() {
    }

    /**
     * Returns {@code prefix-<12 random hex digits>}; the result is a legal Kafka topic and group name when
     * {@code prefix} is one (letters, digits, '.', '_' and '-').
     */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
