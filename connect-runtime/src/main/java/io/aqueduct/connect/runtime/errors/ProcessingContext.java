package io.aqueduct.connect.runtime.errors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.aqueduct.connect.source.SourceRecord;

/**
 * The error-handling state of one record on its way through a task: the record as it entered the
 * pipeline and, once an operation on it finally failed, where and why.
 *
 * <p>The original is the {@link ConsumerRecord} with the raw bytes for a sink task, or the
 * {@link SourceRecord} as polled (before transformations) for a source task. The dead letter queue
 * writes the consumer record's bytes unchanged.
 *
 * <p>Not thread-safe: a context belongs to the thread that processes its record. A task loop may create
 * one per record, or keep one and {@link #reset(Object)} it for each record so the hot path allocates
 * nothing. Reporters read it synchronously, so resetting after the operator returned is safe.
 *
 * @param <T> the type of the original record
 */
public final class ProcessingContext<T> {

    private T original;
    private Stage stage;
    private Class<?> executingClass;
    private Throwable error;
    private int attempts;

    /**
     * @param original the record as it entered the pipeline; may be null only for failures that concern
     *                 no single record
     */
    public ProcessingContext(T original) {
        this.original = original;
    }

    /**
     * Makes this context describe a new record that has not failed.
     *
     * @return this context
     */
    public ProcessingContext<T> reset(T newOriginal) {
        this.original = newOriginal;
        this.stage = null;
        this.executingClass = null;
        this.error = null;
        this.attempts = 0;
        return this;
    }

    /** The record as it entered the pipeline. */
    public T original() {
        return original;
    }

    /** True once an operation on this record finally failed; the record must then be skipped. */
    public boolean failed() {
        return error != null;
    }

    /** The stage that failed, or null while nothing failed. */
    public Stage stage() {
        return stage;
    }

    /** The plugin or runtime class whose operation failed, or null while nothing failed. */
    public Class<?> executingClass() {
        return executingClass;
    }

    /** The last exception of the failed operation, or null while nothing failed. */
    public Throwable error() {
        return error;
    }

    /** How many times the failed operation was tried (1 when it was not retried); 0 while nothing failed. */
    public int attempts() {
        return attempts;
    }

    void fail(Stage failedStage, Class<?> failedClass, Throwable cause, int attemptCount) {
        this.stage = failedStage;
        this.executingClass = failedClass;
        this.error = cause;
        this.attempts = attemptCount;
    }

    /** The original as a consumed record of a sink task, or null when the original is something else. */
    @SuppressWarnings("unchecked")
    ConsumerRecord<byte[], byte[]> consumerRecord() {
        return original instanceof ConsumerRecord<?, ?> record ? (ConsumerRecord<byte[], byte[]>) record : null;
    }

    /** The original as a polled record of a source task, or null when the original is something else. */
    SourceRecord sourceRecord() {
        return original instanceof SourceRecord record ? record : null;
    }

    @Override
    public String toString() {
        return "ProcessingContext{stage=" + stage + ", executingClass=" + executingClass
                + ", attempts=" + attempts + ", error=" + error + "}";
    }
}
