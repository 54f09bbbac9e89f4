package io.aqueduct.connect.file;

import io.aqueduct.connect.data.Schema;
import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.source.SourceRecord;
import io.aqueduct.connect.source.SourceTask;
import org.apache.kafka.common.config.AbstractConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads complete lines from a file, or from standard input, and emits each as a string record. A line
 * is emitted only once its newline has been written, so a line being appended is never cut in two.
 * The offset of a record is the byte position just after its line; a restarted task seeks there.
 */
public class FileStreamSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(FileStreamSourceTask.class);

    public static final String FILENAME_FIELD = "filename";
    public static final String POSITION_FIELD = "position";

    /** How long a poll that found nothing waits before it returns, so that an idle task does not spin. */
    static final long IDLE_WAIT_MS = 200;
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final Object lock = new Object();
    private String filename;
    private String topic;
    private int batchSize;
    private Map<String, String> sourcePartition;
    private InputStream stream;
    private boolean stopping;
    private boolean missingFileLogged;
    private long position;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    private int start;
    private int end;

    @Override
    public String version() {
        return Version.VALUE;
    }

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(FileStreamSourceConnector.CONFIG_DEF, props);
        filename = config.getString(FileStreamSourceConnector.FILE_CONFIG);
        topic = config.getString(FileStreamSourceConnector.TOPIC_CONFIG);
        batchSize = config.getInt(FileStreamSourceConnector.TASK_BATCH_SIZE_CONFIG);
        if (filename == null || filename.isEmpty()) {
            filename = null;
            stream = System.in;
            return;
        }
        sourcePartition = Collections.singletonMap(FILENAME_FIELD, filename);
        Map<String, Object> offset = context.offsetStorageReader().offset(sourcePartition);
        if (offset != null) {
            Object stored = offset.get(POSITION_FIELD);
            if (!(stored instanceof Number)) {
                throw new ConnectException("The stored offset of '" + filename + "' has no whole-number '"
                        + POSITION_FIELD + "': " + offset + ". Reset or alter the connector's offsets.");
            }
            position = ((Number) stored).longValue();
        }
        log.info("Reading {} from byte position {}", filename, position);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        synchronized (lock) {
            if (stopping) {
                return null;
            }
            if (stream == null && !openFile()) {
                lock.wait(IDLE_WAIT_MS);
                return null;
            }
            List<SourceRecord> records = readLines();
            if (records.isEmpty()) {
                lock.wait(IDLE_WAIT_MS);
                return null;
            }
            return records;
        }
    }

    private boolean openFile() {
        try {
            FileInputStream file = new FileInputStream(filename);
            file.getChannel().position(position);
            stream = file;
            missingFileLogged = false;
            return true;
        } catch (FileNotFoundException e) {
            if (!missingFileLogged) {
                log.warn("File {} does not exist yet; waiting for it to be created", filename);
                missingFileLogged = true;
            }
            return false;
        } catch (IOException e) {
            throw new ConnectException("Cannot seek to byte " + position + " of " + filename, e);
        }
    }

    private List<SourceRecord> readLines() {
        List<SourceRecord> records = new ArrayList<>();
        try {
            while (records.size() < batchSize) {
                int newline = indexOfNewline();
                if (newline < 0) {
                    if (!fill(records.isEmpty())) {
                        break;
                    }
                    continue;
                }
                int lineEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                String line = new String(buffer, start, lineEnd - start, StandardCharsets.UTF_8);
                position += newline + 1 - start;
                start = newline + 1;
                records.add(record(line));
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot read " + (filename == null ? "standard input" : filename), e);
        }
        return records;
    }

    private SourceRecord record(String line) {
        Map<String, Long> offset = filename == null ? null : Collections.singletonMap(POSITION_FIELD, position);
        return new SourceRecord(sourcePartition, offset, topic, null, null, null, Schema.STRING_SCHEMA, line,
                System.currentTimeMillis());
    }

    private int indexOfNewline() {
        return indexOfNewline(buffer, start, end);
    }

    /**
     * The index of the first {@code '\n'} in {@code bytes[from, to)}, or -1. Looks at eight bytes per step: this
     * scan touches every byte the task reads, and a byte-by-byte loop was a tenth of a fast task's time.
     */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            // A byte of word is zero where bytes has '\n'; the lowest flagged byte is the first such one.
            long zeroBytes = (word - ONES) & ~word & HIGH_BITS;
            if (zeroBytes != 0) {
                return i + (Long.numberOfTrailingZeros(zeroBytes) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more bytes behind the unread ones; false when none are available now. */
    private boolean fill(boolean mayBlock) throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
        }
        // Standard input blocks when empty; only read what is there, so stop() is never held up.
        if (filename == null && (!mayBlock || stream.available() == 0)) {
            return false;
        }
        int read = stream.read(buffer, end, buffer.length - end);
        if (read <= 0) {
            return false;
        }
        end += read;
        return true;
    }

    @Override
    public void stop() {
        synchronized (lock) {
            stopping = true;
            if (stream != null && filename != null) {
                try {
                    stream.close();
                } catch (IOException e) {
                    log.warn("Failed to close {}", filename, e);
                }
            }
            lock.notifyAll();
        }
    }
}
