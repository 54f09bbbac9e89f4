package io.aqueduct.connect.file;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.sink.SinkRecord;
import io.aqueduct.connect.sink.SinkTask;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.AbstractConfig;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;

/**
 * Appends the value of each record as one line to a file, or to standard output. The lines of one
 * {@link #put} are buffered and handed to the file in one write when it returns, so readers of the file see
 * them at once (not only at the next offset commit) at the cost of one write per batch, not per record;
 * {@link #flush}, which the runtime calls before it commits the consumer offsets, writes anything left, so a
 * committed offset never runs ahead of the file.
 */
public class FileStreamSinkTask extends SinkTask {

    private static final int BUFFER_CHARS = 64 * 1024;

    private String filename;
    private Writer writer;

    @Override
    public String version() {
        return Version.VALUE;
    }

    @Override
    public void start(Map<String, String> props) {
        filename = new AbstractConfig(FileStreamSinkConnector.CONFIG_DEF, props).getString(FileStreamSinkConnector.FILE_CONFIG);
        if (filename == null || filename.isEmpty()) {
            filename = null;
            writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), BUFFER_CHARS);
            return;
        }
        try {
            writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(filename),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8), BUFFER_CHARS);
        } catch (IOException e) {
            throw new ConnectException("Couldn't find or create file '" + filename + "' for FileStreamSinkTask", e);
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            for (SinkRecord record : records) {
                writer.write(String.valueOf(record.value()));
                writer.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            throw new ConnectException("Cannot write to " + target(), e);
        }
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new ConnectException("Cannot flush " + target(), e);
        }
    }

    @Override
    public void stop() {
        if (writer == null) {
            return;
        }
        try {
            if (filename == null) {
                writer.flush(); // standard output belongs to the process; leave it open
            } else {
                writer.close();
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot close " + target(), e);
        }
    }

    private String target() {
        return filename == null ? "standard output" : filename;
    }
}
