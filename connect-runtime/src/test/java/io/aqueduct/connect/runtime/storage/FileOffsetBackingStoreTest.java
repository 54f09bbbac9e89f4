package io.aqueduct.connect.runtime.storage;

import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.key;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.offset;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.text;
import static io.aqueduct.connect.runtime.storage.OffsetStoreTesting.writes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOffsetBackingStoreTest {

    @TempDir
    Path dir;

    private FileOffsetBackingStore store;

    @AfterEach
    void stopStore() {
        if (store != null) {
            store.stop();
        }
    }

    private FileOffsetBackingStore started(Path file) {
        store = new FileOffsetBackingStore(file);
        store.start();
        return store;
    }

    @Test
    void aMissingFileMeansNoOffsets() throws Exception {
        Path file = dir.resolve("sub/offsets.json");
        assertTrue(started(file).get(List.of(key("c", "a"))).get().isEmpty());
        assertFalse(Files.exists(file), "reading must not create the file");
    }

    @Test
    void offsetsSurviveARestart() throws Exception {
        Path file = dir.resolve("offsets.json");
        started(file).set(writes(key("c", "a"), offset(20), key("d", "b"), offset(3)), null).get();
        store.stop();

        Map<ByteBuffer, ByteBuffer> got = started(file).get(List.of(key("c", "a"), key("d", "b"))).get();
        assertEquals("{\"position\":20}", text(got.get(key("c", "a"))));
        assertEquals("{\"position\":3}", text(got.get(key("d", "b"))));
    }

    @Test
    void theFileHoldsKeysAndValuesAsTextSortedByKey() throws Exception {
        Path file = dir.resolve("offsets.json");
        started(file).set(writes(key("z", "/tmp/b"), offset(2), key("ref-src", "/tmp/ref-in.txt"), offset(20)), null)
                .get();
        String json = Files.readString(file).replaceAll("\\s+", "");
        assertEquals("{\"version\":1,\"offsets\":["
                + "{\"key\":\"[\\\"ref-src\\\",{\\\"filename\\\":\\\"/tmp/ref-in.txt\\\"}]\",\"value\":\"{\\\"position\\\":20}\"},"
                + "{\"key\":\"[\\\"z\\\",{\\\"filename\\\":\\\"/tmp/b\\\"}]\",\"value\":\"{\\\"position\\\":2}\"}]}", json);
    }

    @Test
    void aTombstoneRemovesTheKeyFromMemoryAndFile() throws Exception {
        Path file = dir.resolve("offsets.json");
        started(file).set(writes(key("c", "a"), offset(1), key("c", "b"), offset(2)), null).get();
        store.set(writes(key("c", "a"), null), null).get();
        assertTrue(store.get(List.of(key("c", "a"))).get().isEmpty());
        assertFalse(Files.readString(file).contains("\\\"a\\\""), Files.readString(file));
        store.stop();

        Map<ByteBuffer, ByteBuffer> got = started(file).get(List.of(key("c", "a"), key("c", "b"))).get();
        assertEquals(1, got.size());
        assertEquals("{\"position\":2}", text(got.get(key("c", "b"))));
    }

    @Test
    void writesLeaveNoTemporaryFileAndIgnoreAStaleOneFromACrash() throws Exception {
        Path file = dir.resolve("offsets.json");
        Files.writeString(dir.resolve("offsets.json.tmp"), "half-written garbage from a crash");
        started(file).set(writes(key("c", "a"), offset(1)), null).get();
        assertEquals(List.of(file), Files.list(dir).toList());
    }

    @Test
    void aFailedWriteLeavesThePreviousFileIntactAndReportsTheError() throws Exception {
        Path file = dir.resolve("offsets.json");
        started(file).set(writes(key("c", "a"), offset(1)), null).get();
        String before = Files.readString(file);
        // A directory where the temporary file must go makes the next write fail before the rename.
        Files.createDirectory(dir.resolve("offsets.json.tmp"));

        AtomicReference<Throwable> callbackError = new AtomicReference<>();
        CompletableFuture<Void> write = store.set(writes(key("c", "a"), offset(2)), (error, r) -> callbackError.set(error));
        ExecutionException failure = assertThrows(ExecutionException.class, write::get);

        StorageException error = assertInstanceOf(StorageException.class, failure.getCause());
        assertTrue(error.getMessage().startsWith("Could not write source offsets to " + file), error.getMessage());
        assertEquals(error, callbackError.get());
        assertEquals(before, Files.readString(file));
    }

    @Test
    void invalidJsonStopsStartWithTheFileAndTheProblem() throws Exception {
        Path file = dir.resolve("offsets.json");
        Files.writeString(file, "{\"version\":1,\"offsets\":[{\"key\":");
        StorageException e = assertThrows(StorageException.class, () -> new FileOffsetBackingStore(file).start());
        assertTrue(e.getMessage().startsWith("The offsets file " + file + " is corrupt: it is not valid JSON"),
                e.getMessage());
        assertTrue(e.getMessage().contains("does not reset it"), e.getMessage());
        assertTrue(Files.readString(file).startsWith("{\"version\":1"), "the corrupt file must be left alone");
    }

    @Test
    void wrongStructureStopsStart() throws Exception {
        Path file = dir.resolve("offsets.json");
        Files.writeString(file, "[1,2,3]");
        StorageException e = assertThrows(StorageException.class, () -> new FileOffsetBackingStore(file).start());
        assertTrue(e.getMessage().contains("is corrupt: it is not a JSON object with an integer \"version\""),
                e.getMessage());

        Files.writeString(file, "{\"version\":1,\"offsets\":[{\"value\":\"{}\"}]}");
        e = assertThrows(StorageException.class, () -> new FileOffsetBackingStore(file).start());
        assertTrue(e.getMessage().contains("is corrupt: entry 0 has no string \"key\""), e.getMessage());

        Files.writeString(file, "{\"version\":2,\"offsets\":[]}");
        e = assertThrows(StorageException.class, () -> new FileOffsetBackingStore(file).start());
        assertTrue(e.getMessage().contains("format version 2 is not supported"), e.getMessage());
    }

    @Test
    void anEmptyFileIsCorruptNotEmpty() throws Exception {
        Path file = Files.createFile(dir.resolve("offsets.json"));
        StorageException e = assertThrows(StorageException.class, () -> new FileOffsetBackingStore(file).start());
        assertTrue(e.getMessage().contains("is corrupt: it is empty"), e.getMessage());
    }

    @Test
    void anUnreadablePathStopsStart() throws Exception {
        Path notAFile = Files.createDirectory(dir.resolve("offsets.json"));
        StorageException e = assertThrows(StorageException.class, () -> new FileOffsetBackingStore(notAFile).start());
        assertTrue(e.getMessage().startsWith("Cannot read the offsets file " + notAFile), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8RoundTripAsBase64() throws Exception {
        Path file = dir.resolve("offsets.json");
        ByteBuffer binaryKey = ByteBuffer.wrap(new byte[] {(byte) 0xff, 0, 1});
        ByteBuffer binaryValue = ByteBuffer.wrap(new byte[] {(byte) 0xc3, 0x28});
        started(file).set(writes(binaryKey, binaryValue), null).get();
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("\"key_base64\" : \"/wAB\""));
        store.stop();

        assertEquals(binaryValue, started(file).get(List.of(binaryKey)).get().get(binaryKey));
    }

    @Test
    void setBeforeStartIsRefused() {
        FileOffsetBackingStore notStarted = new FileOffsetBackingStore(dir.resolve("offsets.json"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> notStarted.set(writes(key("c", "a"), offset(1)), null));
        assertTrue(e.getMessage().contains("not started"), e.getMessage());
    }
}
