package io.aqueduct.connect.runtime.rest.resources;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The query and Location rewriting of forwarded writes. */
class WriteRequestTest {

    private static WriteRequest withQuery(String rawQuery) {
        return new WriteRequest("POST", URI.create("http://follower:8083/"), "connectors/c/restart", rawQuery, null,
                Map.of(), new byte[0]);
    }

    @Test
    void forwardIsAddedOrReplacedAndOtherParametersKeptAsEncoded() {
        assertEquals("forward=true", withQuery(null).queryWithForward(true));
        assertEquals("forward=false", withQuery("").queryWithForward(false));
        assertEquals("includeTasks=true&forward=true", withQuery("includeTasks=true").queryWithForward(true));
        assertEquals("a=x%26y&onlyFailed&forward=false",
                withQuery("forward=true&a=x%26y&forward=yes&onlyFailed").queryWithForward(false));
        assertEquals("forwarded=1&forward=true", withQuery("forwarded=1").queryWithForward(true));
    }

    @Test
    void theLeadersLocationIsRewrittenToNameTheReceivingWorker() {
        URI follower = URI.create("http://10.0.0.2:8084/");
        assertEquals("http://10.0.0.2:8084/connectors/a%20b",
                LeaderForwarder.onThisWorker("http://10.0.0.1:8083/connectors/a%20b", follower));
        assertEquals("http://10.0.0.2:8084/connectors/c?x=1",
                LeaderForwarder.onThisWorker("http://leader/connectors/c?x=1", follower));
        assertEquals("not a uri ::", LeaderForwarder.onThisWorker("not a uri ::", follower));
    }
}
