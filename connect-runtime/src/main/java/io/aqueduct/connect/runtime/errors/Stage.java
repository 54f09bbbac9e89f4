package io.aqueduct.connect.runtime.errors;

/**
 * Where in a task's record pipeline an operation runs. The names are Apache Kafka Connect's: they appear
 * in error logs and in the {@code __connect.errors.stage} header of dead-lettered records.
 */
public enum Stage {

    /** {@code SourceTask.poll()}. */
    TASK_POLL,

    /** {@code SinkTask.put(...)}; also the stage of records handed to the errant record reporter. */
    TASK_PUT,

    /** A transformation or the predicate that guards it. */
    TRANSFORMATION,

    /** The key converter. */
    KEY_CONVERTER,

    /** The value converter. */
    VALUE_CONVERTER,

    /** The header converter. */
    HEADER_CONVERTER,

    /** Sending a source record with the task's producer. */
    KAFKA_PRODUCE,

    /** Consuming records for a sink task. */
    KAFKA_CONSUME;

    /**
     * Whether every exception of an operation in this stage concerns the one record it works on, so the
     * record may be skipped under {@code errors.tolerance=all}. In the other stages only retriable
     * exceptions are tolerated; anything else says the task itself is broken.
     */
    boolean isPerRecord() {
        return this == TRANSFORMATION || this == KEY_CONVERTER || this == VALUE_CONVERTER || this == HEADER_CONVERTER;
    }
}
