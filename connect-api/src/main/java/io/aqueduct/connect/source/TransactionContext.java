package io.aqueduct.connect.source;

/**
 * Lets a source task decide where transactions end when the connector runs with exactly-once delivery
 * and {@code transaction.boundary=connector}. Obtained from {@link SourceTaskContext#transactionContext()},
 * which returns null in every other mode.
 *
 * <p>Requests are recorded, not executed on the spot: the runtime commits or aborts the transaction
 * on the task thread, after the records of the current {@link SourceTask#poll()} batch up to the
 * indicated point have been dispatched. The methods are thread-safe and do not block; they are normally
 * called from inside {@code poll}. A task must not request both a commit and an abort for the same
 * point; the runtime fails the task if it does.
 */
public interface TransactionContext {

    /**
     * Asks the runtime to commit the current transaction once all records returned from {@code poll} so
     * far have been dispatched, together with their source offsets.
     */
    void commitTransaction();

    /**
     * Asks the runtime to commit the current transaction right after the given record has been
     * dispatched; records returned after it in the same batch go into the next transaction.
     *
     * @param record the last record of the transaction; must be one that this task returned from
     *               {@code poll}, not a copy made by a transformation. Must not be null
     */
    void commitTransaction(SourceRecord record);

    /**
     * Asks the runtime to abort the current transaction: none of the records returned since the last
     * commit are delivered and their offsets are not committed. The task decides whether to re-emit
     * them.
     */
    void abortTransaction();

    /**
     * Asks the runtime to abort the current transaction right after the given record has been
     * dispatched: that record and those before it since the last commit are discarded, those after it
     * go into the next transaction.
     *
     * @param record the last record of the aborted transaction; must be one that this task returned
     *               from {@code poll}. Must not be null
     */
    void abortTransaction(SourceRecord record);
}
