package io.aqueduct.connect.runtime.distributed;

import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.storage.KafkaConfigBackingStore;
import io.aqueduct.connect.runtime.storage.SessionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.KeyGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;

/**
 * The leader's care of the session key that signs requests between workers: it writes one when the config topic
 * has none (at cluster start, so it is the topic's first record) and a new one each time the current one is older
 * than {@code inter.worker.key.ttl.ms}. Called on the herder thread only.
 */
final class SessionKeys {

    private static final Logger log = LoggerFactory.getLogger(SessionKeys.class);
    private static final long MIN_CHECK_DELAY_MS = 1_000;

    private final KafkaConfigBackingStore store;
    private final HerderThread thread;
    private final String algorithm;
    private final Integer keySize;
    private final long ttlMs;
    private ScheduledFuture<?> nextCheck;

    SessionKeys(DistributedConfig config, KafkaConfigBackingStore store, HerderThread thread) {
        this.store = store;
        this.thread = thread;
        this.algorithm = config.getString(DistributedConfig.INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG);
        this.keySize = config.getInt(DistributedConfig.INTER_WORKER_KEY_SIZE_CONFIG);
        this.ttlMs = config.getInt(DistributedConfig.INTER_WORKER_KEY_TTL_MS_CONFIG);
    }

    /** On the leader: makes sure an unexpired key is stored, and checks again when it expires. */
    void ensureFresh(BooleanSupplier isLeader) {
        if (!isLeader.getAsBoolean()) {
            return;
        }
        SessionKey key = store.snapshot().sessionKey();
        long now = System.currentTimeMillis();
        if (key == null || key.creationTimestamp() + ttlMs <= now) {
            key = generate(now);
            store.putSessionKey(key);
            log.info("Wrote a new session key ({}) to the config topic; the next one is due in {} ms",
                    key, ttlMs);
        }
        cancel();
        long delay = Math.max(MIN_CHECK_DELAY_MS, key.creationTimestamp() + ttlMs - now);
        nextCheck = thread.schedule("rotating the session key", () -> ensureFresh(isLeader), delay);
    }

    void cancel() {
        ScheduledFuture<?> check = nextCheck;
        if (check != null) {
            check.cancel(false);
        }
        nextCheck = null;
    }

    private SessionKey generate(long now) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(algorithm);
            if (keySize != null) {
                generator.init(keySize);
            }
            return new SessionKey(generator.generateKey(), now);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No key generator for " + algorithm + " ("
                    + DistributedConfig.INTER_WORKER_KEY_GENERATION_ALGORITHM_CONFIG + "), though the config accepted it", e);
        }
    }
}
