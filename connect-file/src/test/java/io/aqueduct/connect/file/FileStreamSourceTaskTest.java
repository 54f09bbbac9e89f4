package io.aqueduct.connect.file;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTaskContext;
import io.aqueduct.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileStreamSourceTaskTest {

    @TempDir
    Path dir;

    private final Map<Map<String, ?>, Map<String, Object>> storedOffsets = new HashMap<>();
    private FileStreamSourceTask task;

    @AfterEach
    void stop() {
        if (task != null) {
            task.stop();
        }
    }

    private FileStreamSourceTask start(Path file, String... extra) {
        Map<String, String> props = new HashMap<>(Map.of("file", file.toString(), "topic", "lines"));
        for (int i = 0; i < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        task = new FileStreamSourceTask();
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return storedOffsets.get(partition);
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
        });
        task.start(props);
        return task;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> values(List<SourceRecord> records) {
        List<String> values = new ArrayList<>();
        for (SourceRecord record : records) {
            values.add((String) record.value());
        }
        return values;
    }

    @Test
    void emitsCompleteLinesWithApacheShapedPartitionAndBytePositionOffsets() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "alpha\nbravo\ncharlie\n");
        List<SourceRecord> records = start(file).poll();

        assertEquals(List.of("alpha", "bravo", "charlie"), values(records));
        SourceRecord last = records.get(2);
        assertEquals(Map.of("filename", file.toString()), last.sourcePartition());
        assertEquals(Map.of("position", 20L), last.sourceOffset());
        assertEquals(Map.of("position", 6L), records.get(0).sourceOffset());
        assertEquals("lines", last.topic());
        assertEquals(Schema.STRING_SCHEMA, last.valueSchema());
        assertNull(last.key());
    }

    @Test
    void followsAppendedLinesAndHoldsBackAPartialLine() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "one\ntw");
        start(file);
        assertEquals(List.of("one"), values(task.poll()));
        assertNull(task.poll(), "a line without its newline is not emitted yet");

        append(file, "o\r\nthree\n");
        List<SourceRecord> records = task.poll();
        assertEquals(List.of("two", "three"), values(records));
        assertEquals(Map.of("position", 15L), records.get(1).sourceOffset());
    }

    @Test
    void resumesFromTheStoredPosition() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "alpha\nbravo\ncharlie\n");
        storedOffsets.put(Map.of("filename", file.toString()), Map.of("position", 12L));
        assertEquals(List.of("charlie"), values(start(file).poll()));
    }

    @Test
    void countsBytesNotCharactersForMultiByteText() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "héllo\nx\n");
        List<SourceRecord> records = start(file).poll();
        assertEquals(List.of("héllo", "x"), values(records));
        assertEquals(Map.of("position", 7L), records.get(0).sourceOffset());
    }

    @Test
    void batchSizeLimitsOnePoll() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "1\n2\n3\n4\n5\n");
        start(file, "batch.size", "2");
        assertEquals(List.of("1", "2"), values(task.poll()));
        assertEquals(List.of("3", "4"), values(task.poll()));
        assertEquals(List.of("5"), values(task.poll()));
    }

    @Test
    void linesLongerThanTheBufferArriveWhole() throws Exception {
        Path file = dir.resolve("in.txt");
        String longLine = "x".repeat(200_000);
        append(file, longLine + "\nshort\n");
        assertEquals(List.of(longLine, "short"), values(start(file).poll()));
    }

    @Test
    void waitsForAFileThatDoesNotExistYet() throws Exception {
        Path file = dir.resolve("later.txt");
        start(file);
        assertNull(task.poll());
        append(file, "finally\n");
        assertEquals(List.of("finally"), values(task.poll()));
    }

    @Test
    void pollAfterStopReturnsNothing() throws Exception {
        Path file = dir.resolve("in.txt");
        append(file, "a\n");
        start(file).stop();
        assertNull(task.poll());
    }

    @Test
    void corruptStoredOffsetIsAClearError() {
        Path file = dir.resolve("in.txt");
        storedOffsets.put(Map.of("filename", file.toString()), Map.of("position", "twelve"));
        Exception e = assertThrows(RuntimeException.class, () -> start(file));
        assertTrue(e.getMessage().contains("position"), e.getMessage());
    }

    @Test
    void findsTheFirstNewlineAtEveryPositionAmongAnyBytes() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                byte b;
                do {
                    b = (byte) random.nextInt(256); // including 0x0B, 0x8A and other near misses
                } while (b == '\n');
                bytes[i] = b;
            }
            int newlines = bytes.length == 0 ? 0 : random.nextInt(3);
            for (int n = 0; n < newlines; n++) {
                bytes[random.nextInt(bytes.length)] = '\n';
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int expected = -1;
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, FileStreamSourceTask.indexOfNewline(bytes, from, bytes.length),
                    () -> java.util.Arrays.toString(bytes) + " from " + from);
        }
    }
}
