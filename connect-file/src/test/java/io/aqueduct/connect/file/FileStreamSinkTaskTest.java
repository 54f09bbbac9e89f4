package io.aqueduct.connect.file;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileStreamSinkTaskTest {

    @TempDir
    Path dir;

    private static SinkRecord record(Object value, long offset) {
        return new SinkRecord("lines", 0, null, null, Schema.OPTIONAL_STRING_SCHEMA, value, offset);
    }

    @Test
    void appendsOneLinePerRecordAndFlushesBeforeCommit() throws Exception {
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "existing\n");
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.start(Map.of("file", out.toString()));
        task.put(List.of(record("alpha", 0), record("bravo", 1), record(null, 2)));
        task.flush(Map.of());
        assertEquals(List.of("existing", "alpha", "bravo", "null"), Files.readAllLines(out));
        task.put(List.of(record(42, 3)));
        task.stop();
        assertEquals("42", Files.readAllLines(out).get(4));
    }

    @Test
    void linesOfAPutAreInTheFileWhenPutReturns() throws Exception {
        Path out = dir.resolve("out.txt");
        FileStreamSinkTask task = new FileStreamSinkTask();
        task.start(Map.of("file", out.toString()));
        task.put(List.of(record("alpha", 0), record("bravo", 1)));
        assertEquals(List.of("alpha", "bravo"), Files.readAllLines(out), "without waiting for flush()");
        task.stop();
    }

    @Test
    void unwritableFileFailsStartWithTheReferenceMessage() {
        Path out = dir.resolve("missing-dir").resolve("out.txt");
        FileStreamSinkTask task = new FileStreamSinkTask();
        ConnectException e = assertThrows(ConnectException.class, () -> task.start(Map.of("file", out.toString())));
        assertEquals("Couldn't find or create file '" + out + "' for FileStreamSinkTask", e.getMessage());
    }
}
