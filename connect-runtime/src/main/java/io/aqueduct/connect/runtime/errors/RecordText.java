package io.aqueduct.connect.runtime.errors;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.aqueduct.connect.source.SourceRecord;

/** Describes failed records for the error log: where they are always, their contents only on request. */
final class RecordText {

    private RecordText() {
    }

    static String describe(ProcessingContext<?> context, boolean includeContents) {
        ConsumerRecord<byte[], byte[]> consumed = context.consumerRecord();
        if (consumed != null) {
            return consumed(consumed, includeContents);
        }
        SourceRecord polled = context.sourceRecord();
        if (polled != null) {
            return polled(polled, includeContents);
        }
        return context.original() == null ? "no record" : "record of type " + context.original().getClass().getName();
    }

    private static String consumed(ConsumerRecord<byte[], byte[]> record, boolean includeContents) {
        StringBuilder text = new StringBuilder("consumed record {topic='").append(record.topic())
                .append("', partition=").append(record.partition())
                .append(", offset=").append(record.offset())
                .append(", timestamp=").append(record.timestamp())
                .append(", timestampType=").append(record.timestampType());
        if (includeContents) {
            text.append(", key=").append(bytes(record.key()))
                    .append(", value=").append(bytes(record.value()))
                    .append(", headers=[");
            String separator = "";
            for (Header header : record.headers()) {
                text.append(separator).append(header.key()).append('=').append(bytes(header.value()));
                separator = ", ";
            }
            text.append(']');
        }
        return text.append('}').toString();
    }

    private static String polled(SourceRecord record, boolean includeContents) {
        if (includeContents) {
            return "source record " + record;
        }
        return "source record {topic='" + record.topic() + "', kafkaPartition=" + record.kafkaPartition()
                + ", sourcePartition=" + record.sourcePartition() + ", sourceOffset=" + record.sourceOffset() + "}";
    }

    /** UTF-8 text in quotes when the bytes are printable text, otherwise base64 so the log stays readable. */
    static String bytes(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            if (text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                return '"' + text + '"';
            }
        } catch (CharacterCodingException e) {
            // binary: fall through
        }
        return "base64:" + Base64.getEncoder().encodeToString(bytes);
    }
}
