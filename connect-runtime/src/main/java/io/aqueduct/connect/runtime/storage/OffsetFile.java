package io.aqueduct.connect.runtime.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and atomically rewrites the standalone worker's offsets file. The format (version 1) is a JSON object
 * holding every stored key and value as the text of its bytes, sorted by key, e.g.
 * <pre>
 * {
 *   "version" : 1,
 *   "offsets" : [ {
 *     "key" : "[\"ref-src\",{\"filename\":\"/tmp/ref-in.txt\"}]",
 *     "value" : "{\"position\":20}"
 *   } ]
 * }
 * </pre>
 * A key or value whose bytes are not valid UTF-8 is stored as {@code key_base64} / {@code value_base64}
 * instead. Tombstoned keys are simply absent.
 */
final class OffsetFile {

    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OffsetFile() {
    }

    /**
     * Loads the offsets in {@code file}; a missing file holds no offsets.
     *
     * @throws StorageException naming the file and the problem if it cannot be read or is not a valid offsets
     *                          file; it is never reset
     */
    static Map<ByteBuffer, ByteBuffer> read(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new HashMap<>();
        } catch (AccessDeniedException e) {
            throw new StorageException("Cannot read the offsets file " + file + ": permission denied. Let the "
                    + "worker's user read and write it, or point offset.storage.file.filename at another file.", e);
        } catch (IOException e) {
            throw new StorageException("Cannot read the offsets file " + file + ": " + e + ". Make it a readable "
                    + "regular file, or point offset.storage.file.filename at another file.", e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (IOException e) {
            throw corrupt(file, "it is not valid JSON (" + firstLine(e) + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw corrupt(file, "it is empty", null);
        }
        if (!root.isObject() || !root.path("version").isInt() || !root.path("offsets").isArray()) {
            throw corrupt(file, "it is not a JSON object with an integer \"version\" and an \"offsets\" array", null);
        }
        if (root.get("version").intValue() != VERSION) {
            throw corrupt(file, "its format version " + root.get("version").intValue()
                    + " is not supported (this worker reads version " + VERSION + ")", null);
        }
        Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();
        int index = 0;
        for (Iterator<JsonNode> it = root.get("offsets").elements(); it.hasNext(); index++) {
            JsonNode entry = it.next();
            ByteBuffer key = field(file, entry, index, "key", false);
            ByteBuffer value = field(file, entry, index, "value", true);
            if (value != null) {
                offsets.put(key, value);
            }
        }
        return offsets;
    }

    private static ByteBuffer field(Path file, JsonNode entry, int index, String name, boolean nullable) {
        JsonNode text = entry.get(name);
        JsonNode base64 = entry.get(name + "_base64");
        if (text != null && text.isTextual()) {
            return ByteBuffer.wrap(text.textValue().getBytes(StandardCharsets.UTF_8));
        }
        if (base64 != null && base64.isTextual()) {
            try {
                return ByteBuffer.wrap(Base64.getDecoder().decode(base64.textValue()));
            } catch (IllegalArgumentException e) {
                throw corrupt(file, "entry " + index + " has a " + name + "_base64 that is not Base64", e);
            }
        }
        if (nullable && (text == null || text.isNull()) && base64 == null) {
            return null;
        }
        throw corrupt(file, "entry " + index + " has no string \"" + name + "\"", null);
    }

    private static StorageException corrupt(Path file, String problem, Throwable cause) {
        return new StorageException("The offsets file " + file + " is corrupt: " + problem + ". The worker does not "
                + "reset it: restore it from a backup or repair it; deleting it makes every source connector of this "
                + "worker start over from its beginning.", cause);
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        String location = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                ? " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() : "";
        return (message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("")) + location;
    }

    /**
     * Replaces {@code file} with {@code offsets} so that a crash leaves either the old or the new content: the
     * data goes to {@code <file>.tmp} in the same directory, is forced to disk, and is renamed over the file.
     */
    static void write(Path file, Map<ByteBuffer, ByteBuffer> offsets) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve(target.getFileName() + ".tmp");
        byte[] content = MAPPER.writeValueAsBytes(toJson(offsets));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory);
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened for this. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: the file content itself is already on disk.
        }
    }

    private static ObjectNode toJson(Map<ByteBuffer, ByteBuffer> offsets) {
        Map<String, ObjectNode> sorted = new TreeMap<>();
        for (Map.Entry<ByteBuffer, ByteBuffer> e : offsets.entrySet()) {
            ObjectNode entry = MAPPER.createObjectNode();
            String key = put(entry, "key", e.getKey());
            put(entry, "value", e.getValue());
            sorted.put(key, entry);
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode array = root.putArray("offsets");
        sorted.values().forEach(array::add);
        return root;
    }

    /** Puts the bytes as text, or as Base64 if they are not UTF-8; returns a sort key. */
    private static String put(ObjectNode entry, String name, ByteBuffer buffer) {
        byte[] bytes = OffsetMap.bytes(buffer);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            entry.put(name, text);
            return text;
        } catch (CharacterCodingException e) {
            String base64 = Base64.getEncoder().encodeToString(bytes);
            entry.put(name + "_base64", base64);
            return "\uffff" + base64;
        }
    }
}
