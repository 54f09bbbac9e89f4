package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;

/** Reads sink connector offsets in their REST shape: {@code {kafka_topic, kafka_partition}} -> {@code {kafka_offset}}. */
final class SinkOffsets {

    private SinkOffsets() {
    }

    /**
     * @return the offsets by topic partition; a null value removes the partition's committed offset
     * @throws BadRequestException naming the element and the fix when a partition or offset has the wrong shape
     */
    static Map<TopicPartition, Long> parse(Map<Map<String, ?>, Map<String, ?>> offsets) {
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (partition == null || !partition.containsKey(ConnectorOffsetsManager.KAFKA_TOPIC)
                    || !partition.containsKey(ConnectorOffsetsManager.KAFKA_PARTITION)) {
                throw new BadRequestException("The partition for a sink connector offset must contain the keys '"
                        + ConnectorOffsetsManager.KAFKA_TOPIC + "' and '" + ConnectorOffsetsManager.KAFKA_PARTITION + "'");
            }
            Object topic = partition.get(ConnectorOffsetsManager.KAFKA_TOPIC);
            if (!(topic instanceof String name) || name.isBlank()) {
                throw new BadRequestException("The '" + ConnectorOffsetsManager.KAFKA_TOPIC + "' of a sink connector "
                        + "partition must be a topic name (a non-empty string), not " + topic);
            }
            Long partitionNumber = wholeNumber(partition.get(ConnectorOffsetsManager.KAFKA_PARTITION));
            if (partitionNumber == null || partitionNumber < 0 || partitionNumber > Integer.MAX_VALUE) {
                throw new BadRequestException("The '" + ConnectorOffsetsManager.KAFKA_PARTITION + "' of a sink "
                        + "connector partition must be a partition number (an integer >= 0), not "
                        + partition.get(ConnectorOffsetsManager.KAFKA_PARTITION));
            }
            TopicPartition topicPartition = new TopicPartition(name, partitionNumber.intValue());
            if (offset == null) {
                result.put(topicPartition, null);
                return;
            }
            if (!offset.containsKey(ConnectorOffsetsManager.KAFKA_OFFSET)) {
                throw new BadRequestException("The offset for a sink connector should either be null or contain the "
                        + "key '" + ConnectorOffsetsManager.KAFKA_OFFSET + "'");
            }
            Long value = wholeNumber(offset.get(ConnectorOffsetsManager.KAFKA_OFFSET));
            if (value == null) {
                throw new BadRequestException("The '" + ConnectorOffsetsManager.KAFKA_OFFSET + "' of a sink connector "
                        + "offset must be an integer, not " + offset.get(ConnectorOffsetsManager.KAFKA_OFFSET));
            }
            result.put(topicPartition, value);
        });
        return result;
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
