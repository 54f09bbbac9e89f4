package io.aqueduct.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aqueduct.connect.source.SourceTask.TransactionBoundary;
import io.aqueduct.connect.storage.OffsetStorageReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTaskTest {

    private static class EmptyTask extends SourceTask {
        @Override
        public String version() {
            return "1";
        }

        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public List<SourceRecord> poll() {
            return null;
        }

        @Override
        public void stop() {
        }
    }

    private static final SourceTaskContext CONTEXT = new SourceTaskContext() {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return null;
        }
    };

    @Test
    void initializeStoresTheContext() {
        EmptyTask task = new EmptyTask();

        task.initialize(CONTEXT);

        assertSame(CONTEXT, task.context);
    }

    @Test
    void transactionContextIsAbsentByDefault() {
        assertNull(CONTEXT.transactionContext());
    }

    @Test
    void transactionBoundaryConfigKey() {
        assertEquals("transaction.boundary", SourceTask.TRANSACTION_BOUNDARY_CONFIG);
        assertEquals(TransactionBoundary.POLL, TransactionBoundary.DEFAULT);
    }

    @Test
    void transactionBoundaryParsesIgnoringCaseAndWhiteSpace() {
        assertEquals(TransactionBoundary.POLL, TransactionBoundary.fromProperty("poll"));
        assertEquals(TransactionBoundary.INTERVAL, TransactionBoundary.fromProperty(" Interval "));
        assertEquals(TransactionBoundary.CONNECTOR, TransactionBoundary.fromProperty("CONNECTOR"));
    }

    @Test
    void transactionBoundaryPrintsAsConfigured() {
        assertEquals("interval", TransactionBoundary.INTERVAL.toString());
    }

    @Test
    void unknownTransactionBoundaryNamesKeyValueAndChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TransactionBoundary.fromProperty("batch"));

        assertTrue(e.getMessage().contains("'batch'"), e.getMessage());
        assertTrue(e.getMessage().contains("transaction.boundary"), e.getMessage());
        assertTrue(e.getMessage().contains("poll, interval, connector"), e.getMessage());
    }

    @Test
    void nullTransactionBoundaryIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TransactionBoundary.fromProperty(null));

        assertTrue(e.getMessage().contains("transaction.boundary"), e.getMessage());
    }
}
