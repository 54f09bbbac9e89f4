package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Binary encoding of {@link WorkerMetadata} (join user data) and {@link WorkerAssignment} (sync user data).
 *
 * <p>Every message starts with a version (int16). A reader accepts any version at or above 1 and reads the
 * fields it knows; a newer writer only appends fields, so older workers ignore the rest. Strings are an int32
 * byte length (-1 for null) and UTF-8 bytes. A set of work is the connector names, then the tasks grouped by
 * connector (name, count, task numbers), which keeps messages small for connectors with many tasks.
 *
 * <pre>
 * metadata v1:   version, instanceId int64, workerUrl, configOffset int64, generation int32, work
 * metadata v2:   v1, leaving int8 (1 when the worker shuts down gracefully)
 * assignment v1: version, error int16, leaderId, leaderUrl, configOffset int64, delayMs int64,
 *                assigned work, revoked work
 * assignment v2: v1, followUp int8 (1 when every member should rejoin at once for a follow-up round)
 * </pre>
 */
final class MembershipProtocol {

    static final short METADATA_VERSION = 2;
    static final short ASSIGNMENT_VERSION = 2;

    private MembershipProtocol() {
    }

    static ByteBuffer encodeMetadata(WorkerMetadata metadata) {
        Writer out = new Writer();
        out.putShort(METADATA_VERSION);
        out.putLong(metadata.instanceId());
        out.putString(metadata.workerUrl());
        out.putLong(metadata.configOffset());
        out.putInt(metadata.generation());
        out.putWork(metadata.connectors(), metadata.tasks());
        out.putByte(metadata.leaving() ? 1 : 0);
        return out.toBuffer();
    }

    static WorkerMetadata decodeMetadata(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        try {
            short version = readVersion(in, "worker metadata");
            long instanceId = in.getLong();
            String url = getString(in);
            long configOffset = in.getLong();
            int generation = in.getInt();
            Set<String> connectors = getConnectors(in);
            Set<ConnectorTaskId> tasks = getTasks(in);
            boolean leaving = version >= 2 && in.get() != 0;
            return new WorkerMetadata(instanceId, url, configOffset, generation, connectors, tasks, leaving);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Worker metadata is truncated (" + buffer.remaining() + " bytes)", e);
        }
    }

    static ByteBuffer encodeAssignment(WorkerAssignment assignment) {
        Writer out = new Writer();
        out.putShort(ASSIGNMENT_VERSION);
        out.putShort(assignment.error().code());
        out.putString(assignment.leaderId());
        out.putString(assignment.leaderUrl());
        out.putLong(assignment.configOffset());
        out.putLong(assignment.delayMs());
        out.putWork(assignment.connectors(), assignment.tasks());
        out.putWork(assignment.revokedConnectors(), assignment.revokedTasks());
        out.putByte(assignment.followUp() ? 1 : 0);
        return out.toBuffer();
    }

    static WorkerAssignment decodeAssignment(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate();
        try {
            short version = readVersion(in, "worker assignment");
            WorkerAssignment.Error error = WorkerAssignment.Error.fromCode(in.getShort());
            String leaderId = getString(in);
            String leaderUrl = getString(in);
            long configOffset = in.getLong();
            long delayMs = in.getLong();
            Set<String> connectors = getConnectors(in);
            Set<ConnectorTaskId> tasks = getTasks(in);
            Set<String> revokedConnectors = getConnectors(in);
            Set<ConnectorTaskId> revokedTasks = getTasks(in);
            boolean followUp = version >= 2 && in.get() != 0;
            return new WorkerAssignment(error, leaderId, leaderUrl, configOffset, connectors, tasks,
                    revokedConnectors, revokedTasks, delayMs, followUp);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Worker assignment is truncated (" + buffer.remaining() + " bytes)", e);
        }
    }

    private static short readVersion(ByteBuffer in, String what) {
        short version = in.getShort();
        if (version < 1) {
            throw new IllegalArgumentException("Unsupported " + what + " version " + version
                    + "; this worker reads version 1 and later (is another kind of client using this group.id?)");
        }
        return version;
    }

    private static Set<String> getConnectors(ByteBuffer in) {
        int count = getCount(in);
        Set<String> connectors = new HashSet<>();
        for (int i = 0; i < count; i++) {
            connectors.add(getString(in));
        }
        return connectors;
    }

    private static Set<ConnectorTaskId> getTasks(ByteBuffer in) {
        int groups = getCount(in);
        Set<ConnectorTaskId> tasks = new HashSet<>();
        for (int g = 0; g < groups; g++) {
            String connector = getString(in);
            int count = getCount(in);
            for (int i = 0; i < count; i++) {
                tasks.add(new ConnectorTaskId(connector, in.getInt()));
            }
        }
        return tasks;
    }

    private static int getCount(ByteBuffer in) {
        int count = in.getInt();
        if (count < 0 || count > in.remaining()) {
            throw new IllegalArgumentException("Corrupt membership message: count " + count + " with "
                    + in.remaining() + " bytes left");
        }
        return count;
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("Corrupt membership message: string length " + length + " with "
                    + in.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Collects fields in order; sizes are known only at the end, so it buffers them first. */
    private static final class Writer {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(128);
        private final java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);

        void putByte(int value) {
            write(() -> out.writeByte(value));
        }

        void putShort(short value) {
            write(() -> out.writeShort(value));
        }

        void putInt(int value) {
            write(() -> out.writeInt(value));
        }

        void putLong(long value) {
            write(() -> out.writeLong(value));
        }

        void putString(String value) {
            if (value == null) {
                putInt(-1);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            putInt(utf8.length);
            write(() -> out.write(utf8));
        }

        void putWork(Set<String> connectors, Set<ConnectorTaskId> tasks) {
            putInt(connectors.size());
            connectors.forEach(this::putString);
            Map<String, List<Integer>> byConnector = new TreeMap<>();
            for (ConnectorTaskId task : tasks) {
                byConnector.computeIfAbsent(task.connector(), c -> new ArrayList<>()).add(task.task());
            }
            putInt(byConnector.size());
            byConnector.forEach((connector, numbers) -> {
                putString(connector);
                putInt(numbers.size());
                numbers.forEach(this::putInt);
            });
        }

        ByteBuffer toBuffer() {
            return ByteBuffer.wrap(bytes.toByteArray());
        }

        private void write(IoAction action) {
            try {
                action.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e); // cannot happen: writes go to memory
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws java.io.IOException;
    }
}
