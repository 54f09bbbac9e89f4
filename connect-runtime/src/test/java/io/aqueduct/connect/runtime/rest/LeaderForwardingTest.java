package io.aqueduct.connect.runtime.rest;

import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.herder.NotLeaderException;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes that reach a follower are done by the leader: two real REST servers, a follower whose herder answers "not
 * the leader" and a leader whose in-memory herder does the work, with a recording relay in front of the leader so
 * the tests see exactly what the follower sent.
 */
class LeaderForwardingTest {

    private static final String CONFLICT =
            "Cannot complete request because of a conflicting operation (e.g. worker rebalance)";
    private static final String SOURCE = RestServerFixture.SOURCE_CONFIG;

    private final List<RestServer> servers = new CopyOnWriteArrayList<>();
    private final List<RecordingRelay> relays = new CopyOnWriteArrayList<>();

    private InMemoryHerder leaderHerder;
    private RestServer leaderServer;
    private Http leader;
    private RecordingRelay relay;
    private ObstructedHerder followerHerder;
    private RestServer followerServer;
    private Http follower;

    @BeforeEach
    void startLeaderAndFollower() throws IOException {
        leaderHerder = new InMemoryHerder();
        leaderServer = start(leaderHerder);
        leader = new Http(leaderServer.serverUris().get(0));
        relay = relay(0, leaderServer.serverUris().get(0));

        followerHerder = new ObstructedHerder().obstruct(notLeader(relay.url()));
        followerServer = start(null);
        followerServer.attachHerder(followerHerder.herder);
        followerServer.requestTimeout(Duration.ofSeconds(10));
        follower = new Http(followerServer.serverUris().get(0));
    }

    @AfterEach
    void stopAll() {
        relays.forEach(RecordingRelay::close);
        servers.forEach(RestServer::stop);
    }

    // ---- forwarding and relaying ----------------------------------------------------------------------------

    @Test
    void createOnTheFollowerIsDoneByTheLeaderAndLocatedOnTheFollower() {
        String body = "{\"name\":\"src\",\"config\":" + SOURCE + "}";
        Http.Reply reply = follower.post("/connectors", body);

        reply.assertJson(201, """
                {"name":"src","config":{"connector.class":"FileStreamSource","tasks.max":"1",
                 "file":"/tmp/in.txt","topic":"lines","name":"src"},"tasks":[],"type":"source"}""");
        assertEquals(followerUrl("connectors/src"), reply.header("Location"));
        assertEquals(new RecordingRelay.Seen("POST", "/connectors?forward=true", "application/json", null, body),
                relay.last());
        assertEquals(List.of("src"), List.copyOf(leaderHerder.connectors()));
        assertEquals(List.of(), List.copyOf(followerHerder.backing.connectors()));
    }

    @Test
    void everyWriteIsRelayedWithTheLeadersStatusAndBody() {
        leader.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}");

        Http.Reply created = follower.put("/connectors/d/config", SOURCE);
        assertEquals(201, created.status(), created.body());
        assertEquals(followerUrl("connectors/d"), created.header("Location"));
        assertEquals("/connectors/d/config?forward=true", relay.last().pathAndQuery());
        Http.Reply updated = follower.put("/connectors/d/config", SOURCE);
        assertEquals(200, updated.status(), updated.body());
        assertEquals(null, updated.header("Location"));

        Http.Reply patched = follower.patch("/connectors/c/config", "{\"tasks.max\":\"2\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("2", patched.json().at("/config/tasks.max").asText());
        assertEquals("2", leaderHerder.connectorConfig("c").get("tasks.max"));

        assertEquals(204, follower.post("/connectors/c/restart", null).status());
        Http.Reply restarted = follower.post("/connectors/c/restart?includeTasks=true&onlyFailed=false", null);
        leader.post("/connectors/c/restart?includeTasks=true&onlyFailed=false", null)
                .assertJson(202, restarted.body());
        assertEquals("/connectors/c/restart?includeTasks=true&onlyFailed=false&forward=true",
                relay.last().pathAndQuery());
        assertEquals(new RestartRequest("c", false, true), leaderHerder.restarts.get(0));
        assertEquals(204, follower.post("/connectors/c/tasks/0/restart", null).status());

        assertEquals(202, follower.put("/connectors/c/pause", null).status());
        assertEquals("PAUSED", leader.get("/connectors/c/status").json().at("/connector/state").asText());
        assertEquals(202, follower.put("/connectors/c/resume", null).status());
        assertEquals("RUNNING", leader.get("/connectors/c/status").json().at("/connector/state").asText());
        assertEquals(202, follower.put("/connectors/c/topics/reset", "null").status());
        assertEquals(204, follower.put("/connectors/c/stop", null).status());
        assertEquals("STOPPED", leader.get("/connectors/c/status").json().at("/connector/state").asText());

        String alter = "{\"offsets\":[{\"partition\":{\"filename\":\"/tmp/in.txt\"},\"offset\":{\"position\":7}}]}";
        follower.patch("/connectors/c/offsets", alter).assertJson(200,
                "{\"message\":\"The offsets for this connector have been altered successfully\"}");
        assertEquals(alter, relay.last().body());
        leader.get("/connectors/c/offsets").assertJson(200, alter);
        follower.delete("/connectors/c/offsets").assertJson(200,
                "{\"message\":\"The offsets for this connector have been reset successfully\"}");

        assertEquals(204, follower.put("/admin/loggers/org.example?scope=cluster", "{\"level\":\"DEBUG\"}").status());
        assertEquals(List.of("org.example=DEBUG"), leaderHerder.clusterLoggerLevels);

        assertEquals(204, follower.delete("/connectors/c").status());
        assertEquals(List.of("d"), List.copyOf(leaderHerder.connectors()));
        assertTrue(relay.seen.stream().allMatch(seen -> seen.pathAndQuery().endsWith("forward=true")),
                relay.seen.toString());
        assertEquals(List.of(), List.copyOf(followerHerder.backing.connectors()));
    }

    @Test
    void leaderErrorsAreRelayedVerbatim() {
        leader.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}");

        follower.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}")
                .assertError(409, "Connector c already exists");
        follower.delete("/connectors/nope").assertError(404, "Connector nope not found");
        Http.Reply invalid = follower.put("/connectors/c/config", "{\"connector.class\":\"NoSuchConnector\"}");
        Http.Reply direct = leader.put("/connectors/c/config", "{\"connector.class\":\"NoSuchConnector\"}");
        assertEquals(400, direct.status(), direct.body());
        invalid.assertJson(400, direct.body());
        follower.patch("/connectors/c/offsets", "{\"offsets\":[{\"partition\":{\"f\":1},\"offset\":null}]}")
                .assertError(400, HerderErrors.offsetsRequireStopped("c").getMessage());
    }

    @Test
    void theAcceptHeaderIsPassedOn() {
        leader.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}");
        Http.Reply reply = follower.send("DELETE", "/connectors/c", null, null, "Accept", "application/json, */*");
        assertEquals(204, reply.status(), reply.body());
        assertEquals("application/json, */*", relay.last().accept());
    }

    // ---- the forward flag -----------------------------------------------------------------------------------

    @Test
    void forwardFalseOnTheFollowerIsTheReferenceConflict() {
        follower.post("/connectors?forward=false", "{\"name\":\"c\",\"config\":" + SOURCE + "}")
                .assertError(409, CONFLICT);
        follower.delete("/connectors/c?forward=false").assertError(409, CONFLICT);
        follower.put("/connectors/c/stop?forward=false", null).assertError(409, CONFLICT);
        assertEquals(List.of(), relay.seen);
    }

    @Test
    void aForwardedRequestGoesOnWithForwardFalse() {
        leader.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}");
        assertEquals(204, follower.delete("/connectors/c?forward=true").status());
        assertEquals("/connectors/c?forward=false", relay.last().pathAndQuery());
        assertEquals(List.of(), List.copyOf(leaderHerder.connectors()));
    }

    @Test
    void leadershipThatMovedAllowsOneMoreHopOnly() throws IOException {
        // The follower believes "stale" leads; stale has lost leadership to the real leader meanwhile.
        ObstructedHerder staleHerder = new ObstructedHerder().obstruct(notLeader(relay.url()));
        RestServer staleServer = start(null);
        staleServer.attachHerder(staleHerder.herder);
        RecordingRelay staleRelay = relay(0, staleServer.serverUris().get(0));
        followerHerder.obstruct(notLeader(staleRelay.url()));

        String body = "{\"name\":\"c\",\"config\":" + SOURCE + "}";
        assertEquals(201, follower.post("/connectors", body).status());
        assertEquals("/connectors?forward=true", staleRelay.last().pathAndQuery());
        assertEquals("/connectors?forward=false", relay.last().pathAndQuery());
        assertEquals(List.of("c"), List.copyOf(leaderHerder.connectors()));

        // A request that already was forwarded once may not take a second hop: stale answers 409, relayed as is.
        follower.delete("/connectors/c?forward=true").assertError(409, CONFLICT);
        assertEquals("/connectors/c?forward=false", staleRelay.last().pathAndQuery());
        assertEquals(List.of("c"), List.copyOf(leaderHerder.connectors()));
    }

    // ---- unreachable or unknown leader ----------------------------------------------------------------------

    @Test
    void aLeaderThatBecomesReachableWithinTheTimeoutGetsTheRequest() throws IOException {
        int port = freePort();
        followerHerder.obstruct(notLeader("http://127.0.0.1:" + port + "/"));
        AtomicReference<RecordingRelay> late = new AtomicReference<>();
        CompletableFuture<Void> leaderUp = CompletableFuture.runAsync(() -> {
            try {
                late.set(relay(port, leaderServer.serverUris().get(0)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));

        Http.Reply reply = follower.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}");

        leaderUp.join();
        assertEquals(201, reply.status(), reply.body());
        assertEquals(1, late.get().seen.size());
        assertTrue(followerHerder.attempts("putConnectorConfig") > 1, followerHerder.attempts.toString());
        assertEquals(List.of("c"), List.copyOf(leaderHerder.connectors()));
    }

    @Test
    void anUnknownLeaderThatBecomesKnownGetsTheRequest() {
        AtomicInteger asked = new AtomicInteger();
        followerHerder.obstruct(method -> new NotLeaderException("Only the leader can do this",
                asked.incrementAndGet() < 3 ? null : relay.url()));

        assertEquals(201, follower.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}").status());
        assertEquals(3, asked.get());
        assertEquals(1, relay.seen.size());
    }

    @Test
    void aLeaderNeverReachedIsTheReferenceConflictAfterTheRequestTimeout() throws IOException {
        followerServer.requestTimeout(Duration.ofMillis(1200));
        followerHerder.obstruct(notLeader("http://127.0.0.1:" + freePort() + "/"));

        long start = System.nanoTime();
        follower.delete("/connectors/c").assertError(409, CONFLICT);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(tookMs >= 1000 && tookMs < 8000, "took " + tookMs + " ms");
        assertTrue(followerHerder.attempts("deleteConnectorConfig") > 2, followerHerder.attempts.toString());

        followerHerder.obstruct(method -> new NotLeaderException("Only the leader can do this", null));
        follower.put("/connectors/c/stop", null).assertError(409, CONFLICT);
    }

    // ---- rebalances -----------------------------------------------------------------------------------------

    @Test
    void aWriteWaitsOutARebalance() {
        AtomicInteger asked = new AtomicInteger();
        followerHerder.obstruct(method -> asked.incrementAndGet() <= 4 ? HerderErrors.rebalanceExpected() : null);

        Http.Reply reply = follower.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}");

        assertEquals(201, reply.status(), reply.body());
        assertEquals(5, followerHerder.attempts("putConnectorConfig"));
        assertEquals(List.of("c"), List.copyOf(followerHerder.backing.connectors()));
    }

    @Test
    void theHerdersSettledSignalEndsTheWaitEarly() {
        followerServer.requestTimeout(Duration.ofSeconds(20));
        CompletableFuture<Void> settled = new CompletableFuture<>();
        AtomicLong settledAt = new AtomicLong();
        followerHerder.rebalanceSettled = settled;
        AtomicInteger asked = new AtomicInteger();
        followerHerder.obstruct(method -> {
            if (asked.incrementAndGet() == 6) {
                // By now the backoff has grown to its 1 s maximum: settle well before it would elapse.
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> {
                    settledAt.set(System.nanoTime());
                    settled.complete(null);
                });
            }
            return settled.isDone() ? null : HerderErrors.rebalanceExpected();
        });

        assertEquals(201, follower.post("/connectors", "{\"name\":\"c\",\"config\":" + SOURCE + "}").status());
        long afterSettleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - settledAt.get());

        assertEquals(7, asked.get());
        assertTrue(afterSettleMs < 500, "answered " + afterSettleMs + " ms after the rebalance settled");
    }

    @Test
    void aRebalanceLongerThanTheTimeoutIsThe500NamingTheBlockedWrite() {
        followerServer.requestTimeout(Duration.ofMillis(800));
        followerHerder.obstruct(method -> HerderErrors.rebalanceExpected());

        follower.delete("/connectors/c").assertError(500, "Request cannot be completed because a rebalance is "
                + "expected: the group was still rebalancing after 800 ms of waiting to delete connector 'c'; "
                + "retry once the rebalance has finished");
        assertTrue(followerHerder.attempts("deleteConnectorConfig") > 2, followerHerder.attempts.toString());
    }

    @Test
    void readsDoNotWaitForARebalance() {
        followerServer.requestTimeout(Duration.ofSeconds(20));
        followerHerder.backing.writesGate = CompletableFuture.failedFuture(HerderErrors.rebalanceExpected());

        long start = System.nanoTime();
        follower.get("/connectors/c/offsets")
                .assertError(500, "Request cannot be completed because a rebalance is expected");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5000);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static java.util.function.Function<String, Throwable> notLeader(String leaderUrl) {
        return method -> new NotLeaderException("Only the leader can do this", leaderUrl);
    }

    private String followerUrl(String path) {
        return followerServer.serverUris().get(0).resolve("/" + path).toString();
    }

    private RestServer start(InMemoryHerder herder) {
        RestServer server = new RestServer(new RestServerConfig(Map.of(RestServerConfig.LISTENERS_CONFIG,
                "http://127.0.0.1:0")));
        server.start();
        servers.add(server);
        if (herder != null) {
            server.attachHerder(herder);
        }
        return server;
    }

    private RecordingRelay relay(int port, URI target) throws IOException {
        RecordingRelay started = new RecordingRelay(port, target);
        relays.add(started);
        return started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
