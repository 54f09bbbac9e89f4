package io.aqueduct.connect.runtime.distributed;

/**
 * The herder's view of the config topic, asked for by the worker group.
 *
 * <p>Called on the membership thread at every join (for the config offset this worker reports) and, on the
 * leader, when it computes the assignment (for the work that should run). It must return quickly and must
 * not block: return the latest consistent snapshot the herder has already read, never read the topic here.
 */
@FunctionalInterface
public interface AssignmentInputs {

    /** The latest snapshot this worker has read from the config topic; never null ({@link ConfigSnapshot#EMPTY}). */
    ConfigSnapshot current();
}
