package io.aqueduct.connect.runtime.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /admin/loggers} against the real logback context of the test JVM. */
class LoggingResourceTest extends RestServerFixture {

    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

    @AfterEach
    void resetLevels() {
        for (String name : List.of("org.example.a", "org.example.a.b", "org.example.a.b.c", "org.example.ab")) {
            logback.getLogger(name).setLevel(null);
        }
    }

    @Test
    void rootLoggerHasItsLevelAndNoLastModified() {
        String level = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getEffectiveLevel().toString();
        http.get("/admin/loggers/root").assertJson(200, "{\"level\":\"" + level + "\",\"last_modified\":null}");
        http.get("/admin/loggers/org.example.never.created").assertError(404,
                "Logger org.example.never.created not found.");
    }

    @Test
    void settingALevelChangesTheLoggerAndItsChildrenInLogback() {
        logback.getLogger("org.example.a.b.c");
        logback.getLogger("org.example.ab");
        long before = System.currentTimeMillis();

        http.put("/admin/loggers/org.example.a.b", "{\"level\":\"debug\",\"extra\":1}")
                .assertJson(200, "[\"org.example.a.b\",\"org.example.a.b.c\"]");

        assertEquals(Level.DEBUG, logback.getLogger("org.example.a.b").getLevel());
        assertEquals(Level.DEBUG, logback.getLogger("org.example.a.b.c").getLevel());
        assertEquals(null, logback.getLogger("org.example.ab").getLevel());
        Http.Reply reply = http.get("/admin/loggers/org.example.a.b.c");
        assertEquals("DEBUG", reply.json().get("level").asText());
        assertTrue(reply.json().get("last_modified").asLong() >= before, reply.body());

        Http.Reply all = http.get("/admin/loggers");
        assertEquals("DEBUG", all.json().at("/org.example.a.b/level").asText());
        assertTrue(all.json().has("root"));
        List<String> names = new java.util.ArrayList<>();
        all.json().fieldNames().forEachRemaining(names::add);
        assertEquals(names.stream().sorted().toList(), names, "sorted by name");
    }

    @Test
    void invalidOrMissingLevel() {
        http.put("/admin/loggers/org.example.a", "{\"level\":\"BOGUS\"}").assertError(404, "invalid log level 'BOGUS'.");
        http.put("/admin/loggers/org.example.a", "{}")
                .assertError(400, "Desired 'level' parameter was not specified in request.");
        assertEquals(null, logback.getLogger("org.example.a").getLevel());
    }

    @Test
    void clusterScopeIsHandedToTheHerder() {
        Http.Reply reply = http.put("/admin/loggers/org.example.a?scope=Cluster", "{\"level\":\"error\"}");
        assertEquals(204, reply.status());
        assertEquals(List.of("org.example.a=ERROR"), herder.clusterLoggerLevels);
        assertEquals(null, logback.getLogger("org.example.a").getLevel());

        assertEquals(200, http.put("/admin/loggers/org.example.a?scope=whatever", "{\"level\":\"WARN\"}").status());
        assertEquals(Level.WARN, logback.getLogger("org.example.a").getLevel());
    }
}
