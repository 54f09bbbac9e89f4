package io.aqueduct.connect.runtime.storage;

import java.util.Objects;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that workers of a distributed cluster use to sign the requests they forward to each other, as stored in
 * the {@code session-key} record of the config topic.
 *
 * @param key               the secret key; its algorithm (e.g. {@code HmacSHA256}) is stored next to the encoded
 *                          key bytes
 * @param creationTimestamp when the leader created the key, in epoch milliseconds; the key expires
 *                          {@code inter.worker.key.ttl.ms} after it
 */
public record SessionKey(SecretKey key, long creationTimestamp) {

    public SessionKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(key.getAlgorithm(), "key algorithm");
        if (key.getEncoded() == null) {
            throw new IllegalArgumentException("A session key must expose its encoded bytes (got a "
                    + key.getClass().getName() + " with format " + key.getFormat() + ")");
        }
    }

    /** A key of {@code algorithm} (e.g. {@code HmacSHA256}) made of {@code keyBytes}. */
    public static SessionKey of(byte[] keyBytes, String algorithm, long creationTimestamp) {
        return new SessionKey(new SecretKeySpec(keyBytes, algorithm), creationTimestamp);
    }

    /** Never shows the key material. */
    @Override
    public String toString() {
        return "SessionKey[algorithm=" + key.getAlgorithm() + ", creationTimestamp=" + creationTimestamp + "]";
    }
}
