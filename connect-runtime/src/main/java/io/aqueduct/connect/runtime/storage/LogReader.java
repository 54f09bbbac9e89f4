package io.aqueduct.connect.runtime.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader thread of a {@link KafkaBasedLog}. It alone touches the consumer (which is not thread-safe); other
 * threads talk to it through the queue of read-to-end requests and {@code wakeup()}.
 */
final class LogReader<K, V> {

    private static final Logger log = LoggerFactory.getLogger(LogReader.class);
    /** Polls end only when records arrive or another thread calls {@code wakeup()}. */
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    private final String topic;
    private final KafkaConsumer<K, V> consumer;
    private final List<TopicPartition> partitions;
    private final Consumer<ConsumerRecord<K, V>> onRecord;
    private final Duration errorBackoff;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> readToEndRequests = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread thread;
    private volatile Throwable deathCause;

    LogReader(String topic, KafkaConsumer<K, V> consumer, List<TopicPartition> partitions,
              Consumer<ConsumerRecord<K, V>> onRecord, Duration errorBackoff) {
        this.topic = topic;
        this.consumer = consumer;
        this.partitions = List.copyOf(partitions);
        this.onRecord = onRecord;
        this.errorBackoff = errorBackoff;
        this.thread = new Thread(this::run, "log-reader-" + topic);
        this.thread.setDaemon(true);
    }

    Set<TopicPartition> partitions() {
        return Set.copyOf(partitions);
    }

    void start() {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.start();
    }

    CompletableFuture<Void> readToEnd() {
        CompletableFuture<Void> request = new CompletableFuture<>();
        readToEndRequests.add(request);
        // Re-check after queueing: a request queued after the thread drained the queue for the last time
        // would otherwise wait forever.
        if (stopRequested.getCount() == 0 || deathCause != null) {
            failPending();
        } else {
            consumer.wakeup();
        }
        return request;
    }

    void stop(Duration timeout) {
        stopRequested.countDown();
        consumer.wakeup();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Reader thread of topic {} did not stop within {} ms", topic, timeout.toMillis());
        }
        failPending();
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void run() {
        try {
            while (!stopping()) {
                List<CompletableFuture<Void>> batch = drainRequests();
                if (!batch.isEmpty()) {
                    // Look at the queue again before an idle poll: serve() may have put requests back.
                    serve(batch);
                    continue;
                }
                // A request queued after the drain above calls wakeup(), which stays pending until this poll.
                pollOnce(POLL_TIMEOUT);
            }
        } catch (WakeupException e) {
            if (!stopping()) {
                deathCause = e;
                log.error("Reader thread of topic {} woken up unexpectedly and stops", topic, e);
            }
        } catch (Throwable t) {
            deathCause = t;
            log.error("Reader thread of topic {} failed and stops; the log no longer follows the topic", topic, t);
        } finally {
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                log.warn("Closing the consumer of topic {} failed", topic, e);
            }
            failPending();
        }
    }

    /** Reads up to the end offsets looked up now, then completes the requests queued before the lookup. */
    private void serve(List<CompletableFuture<Void>> batch) {
        try {
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);
            while (!reached(endOffsets)) {
                pollOnce(POLL_TIMEOUT);
            }
        } catch (WakeupException e) {
            if (stopping()) {
                throw e;
            }
            // Woken by a newer request: serve all of them again, with fresh end offsets.
            readToEndRequests.addAll(batch);
            return;
        } catch (KafkaException e) {
            log.warn("Could not read topic {} to its end: {}", topic, e.toString());
            batch.forEach(request -> request.completeExceptionally(e));
            return;
        }
        batch.forEach(request -> request.complete(null));
    }

    private boolean reached(Map<TopicPartition, Long> endOffsets) {
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * One poll. A wakeup only means "look at the request queue" unless we are stopping; other errors are
     * logged and retried after a pause, so a broker hiccup does not end the log.
     */
    private void pollOnce(Duration timeout) {
        ConsumerRecords<K, V> records;
        try {
            records = consumer.poll(timeout);
        } catch (WakeupException e) {
            if (stopping()) {
                throw e;
            }
            return;
        } catch (RecordDeserializationException e) {
            log.error("Skipping record at offset {} of {}: it cannot be deserialized", e.offset(),
                    e.topicPartition(), e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
            return;
        } catch (KafkaException e) {
            log.error("Error reading topic {}; retrying in {} ms", topic, errorBackoff.toMillis(), e);
            backoff();
            return;
        }
        for (ConsumerRecord<K, V> record : records) {
            try {
                onRecord.accept(record);
            } catch (RuntimeException e) {
                log.error("Callback failed for the record at offset {} of partition {} of topic {}; continuing "
                        + "with the next record", record.offset(), record.partition(), topic, e);
            }
        }
    }

    private void backoff() {
        try {
            stopRequested.await(errorBackoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<CompletableFuture<Void>> drainRequests() {
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        CompletableFuture<Void> request;
        while ((request = readToEndRequests.poll()) != null) {
            batch.add(request);
        }
        return batch;
    }

    private void failPending() {
        Throwable cause = deathCause;
        IllegalStateException error = new IllegalStateException(cause == null
                ? "The log on topic " + topic + " was stopped"
                : "The reader of topic " + topic + " died: " + cause, cause);
        for (CompletableFuture<Void> request : drainRequests()) {
            request.completeExceptionally(error);
        }
    }
}
