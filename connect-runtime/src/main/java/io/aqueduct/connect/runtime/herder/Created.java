package io.aqueduct.connect.runtime.herder;

/**
 * Result of a write that may either create something or replace it; REST answers 201 for the first and 200 for
 * the second.
 *
 * @param created true when nothing of that name existed before the write
 * @param result  what the write produced; never null
 */
public record Created<T>(boolean created, T result) {
}
