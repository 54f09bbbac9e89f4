package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.runtime.rest.errors.ConnectRestException;
import io.aqueduct.connect.runtime.storage.SessionKey;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InternalRequestSignatureTest {

    private static final byte[] BODY = "[{\"task.class\":\"x\"}]".getBytes(StandardCharsets.UTF_8);
    private static final SessionKey KEY = SessionKey.of(new byte[32], "HmacSHA256", 1L);
    private static final SessionKey OTHER = SessionKey.of("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8),
            "HmacSHA256", 2L);
    private static final List<String> ACCEPTED = List.of("HmacSHA256");

    @Test
    void theSignatureIsTheBase64HmacOfTheBodyAsApacheComputesIt() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        assertEquals(Base64.getEncoder().encodeToString(mac.doFinal(BODY)),
                InternalRequestSignature.sign(KEY.key(), "HmacSHA256", BODY));
    }

    @Test
    void aCorrectlySignedBodyPasses() {
        InternalRequestSignature signature = InternalRequestSignature.fromHeaders(BODY,
                InternalRequestSignature.sign(KEY.key(), "HmacSHA256", BODY), "HmacSHA256");
        assertDoesNotThrow(() -> InternalRequestSignature.verify(signature, KEY, ACCEPTED));
    }

    @Test
    void anUnsignedRequestIsABadRequestWithTheReferenceMessage() {
        assertNull(InternalRequestSignature.fromHeaders(BODY, null, "HmacSHA256"));
        ConnectRestException e = assertThrows(ConnectRestException.class,
                () -> InternalRequestSignature.verify(null, KEY, ACCEPTED));
        assertEquals(400, e.statusCode());
        assertEquals("Internal request missing required signature", e.getMessage());
    }

    @Test
    void aWrongKeyOrAChangedBodyIsForbidden() {
        InternalRequestSignature otherKey = InternalRequestSignature.fromHeaders(BODY,
                InternalRequestSignature.sign(OTHER.key(), "HmacSHA256", BODY), "HmacSHA256");
        assertEquals(403, assertThrows(ConnectRestException.class,
                () -> InternalRequestSignature.verify(otherKey, KEY, ACCEPTED)).statusCode());
        InternalRequestSignature changedBody = InternalRequestSignature.fromHeaders("[]".getBytes(StandardCharsets.UTF_8),
                InternalRequestSignature.sign(KEY.key(), "HmacSHA256", BODY), "HmacSHA256");
        assertEquals(403, assertThrows(ConnectRestException.class,
                () -> InternalRequestSignature.verify(changedBody, KEY, ACCEPTED)).statusCode());
    }

    @Test
    void anAlgorithmThisWorkerDoesNotAcceptOrNoSessionKeyYetAreRefused() {
        InternalRequestSignature sha512 = InternalRequestSignature.fromHeaders(BODY,
                InternalRequestSignature.sign(KEY.key(), "HmacSHA512", BODY), "HmacSHA512");
        ConnectRestException refused = assertThrows(ConnectRestException.class,
                () -> InternalRequestSignature.verify(sha512, KEY, ACCEPTED));
        assertEquals(400, refused.statusCode());
        InternalRequestSignature fine = InternalRequestSignature.fromHeaders(BODY,
                InternalRequestSignature.sign(KEY.key(), "HmacSHA256", BODY), "HmacSHA256");
        assertEquals(503, assertThrows(ConnectRestException.class,
                () -> InternalRequestSignature.verify(fine, null, ACCEPTED)).statusCode());
    }

    @Test
    void aSignatureHeaderThatIsNotBase64IsABadRequest() {
        assertEquals(400, assertThrows(ConnectRestException.class,
                () -> InternalRequestSignature.fromHeaders(BODY, "not base64 !!", "HmacSHA256")).statusCode());
    }
}
