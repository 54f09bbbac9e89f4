package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import io.aqueduct.connect.runtime.rest.errors.ConnectRestException;
import io.aqueduct.connect.runtime.storage.SessionKey;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The signature a worker puts on a request to another worker of its cluster (e.g. a follower handing task configs
 * to the leader): the HMAC of the exact request body with the cluster's session key, base64-encoded in the
 * {@value #SIGNATURE_HEADER} header, the MAC algorithm in {@value #SIGNATURE_ALGORITHM_HEADER}. Same headers and
 * encoding as Apache Kafka Connect, so mixed clusters verify each other. Immutable.
 */
public final class InternalRequestSignature {

    public static final String SIGNATURE_HEADER = "X-Connect-Authorization";
    public static final String SIGNATURE_ALGORITHM_HEADER = "X-Connect-Request-Signature-Algorithm";

    private final byte[] body;
    private final String algorithm;
    private final byte[] signature;

    private InternalRequestSignature(byte[] body, String algorithm, byte[] signature) {
        this.body = body;
        this.algorithm = algorithm;
        this.signature = signature;
    }

    /**
     * The signature a request carries, or null when it carries none (either header missing).
     *
     * @throws BadRequestException when the signature header is not base64
     */
    public static InternalRequestSignature fromHeaders(byte[] body, String signatureHeader, String algorithmHeader) {
        if (signatureHeader == null || algorithmHeader == null) {
            return null;
        }
        try {
            return new InternalRequestSignature(body == null ? new byte[0] : body.clone(), algorithmHeader,
                    Base64.getDecoder().decode(signatureHeader.trim()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The " + SIGNATURE_HEADER + " header of this internal request is not valid "
                    + "base64: " + e.getMessage());
        }
    }

    /** The value of {@value #SIGNATURE_HEADER} for {@code body} signed with {@code key} using {@code algorithm}. */
    public static String sign(SecretKey key, String algorithm, byte[] body) {
        return Base64.getEncoder().encodeToString(mac(key, algorithm, body));
    }

    /** The MAC algorithm the sender used. */
    public String algorithm() {
        return algorithm;
    }

    /** Whether the body was signed with {@code key}; compared in constant time. */
    public boolean isValid(SecretKey key) {
        return MessageDigest.isEqual(mac(key, algorithm, body), signature);
    }

    /**
     * Checks an internal request as Apache Kafka Connect does and fails it with the same status and message.
     *
     * @param signature          the request's signature; null when it carried none (400)
     * @param sessionKey         the cluster's current session key; null while none was read yet (503)
     * @param acceptedAlgorithms {@code inter.worker.verification.algorithms}; another algorithm is refused (400)
     * @throws ConnectRestException 403 when the signature does not match
     */
    public static void verify(InternalRequestSignature signature, SessionKey sessionKey, List<String> acceptedAlgorithms) {
        if (signature == null) {
            throw new BadRequestException("Internal request missing required signature");
        }
        if (!acceptedAlgorithms.contains(signature.algorithm)) {
            throw new BadRequestException("This worker does not support the '" + signature.algorithm + "' key "
                    + "signing algorithm used by other workers. This worker is currently configured to use: "
                    + acceptedAlgorithms + ". Check that all workers' configuration files permit the same set of "
                    + "signature algorithms, and correct any misconfigured worker and restart it.");
        }
        if (sessionKey == null) {
            throw new ConnectRestException(503, "This worker is still starting up and has not been able to read a "
                    + "session key from the config topic yet");
        }
        if (!signature.isValid(sessionKey.key())) {
            throw new ConnectRestException(403, "Internal request contained invalid signature.");
        }
    }

    private static byte[] mac(SecretKey key, String algorithm, byte[] body) {
        Objects.requireNonNull(key, "key");
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new BadRequestException("Cannot compute the " + algorithm + " signature of an internal request: "
                    + e.getMessage());
        }
    }
}
