package io.aqueduct.connect.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Where every connector and task runs, from {@code GET /connectors?expand=status} of one worker. */
record ClusterStatus(List<Unit> units) {

    /** A connector or a task, its state and the worker ({@code host:port}) that reports it. */
    record Unit(String id, String state, String workerId) {
        boolean runningOn(int port) {
            return "RUNNING".equals(state) && workerId != null && workerId.endsWith(":" + port);
        }
    }

    /** The status as this worker sees it, or null if it cannot answer right now (e.g. during a rebalance). */
    static ClusterStatus read(RestClient rest) {
        try {
            RestClient.Response response = rest.get("/connectors?expand=status");
            if (response.status() != 200) {
                return null;
            }
            return parse(response.json());
        } catch (IOException e) {
            return null;
        }
    }

    static ClusterStatus parse(JsonNode root) {
        List<Unit> units = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode status = entry.getValue().path("status");
            JsonNode connector = status.path("connector");
            units.add(new Unit(entry.getKey(), connector.path("state").asText(null), connector.path("worker_id").asText(null)));
            for (JsonNode task : status.path("tasks")) {
                units.add(new Unit(entry.getKey() + "-" + task.path("id").asText(), task.path("state").asText(null),
                        task.path("worker_id").asText(null)));
            }
        }
        return new ClusterStatus(units);
    }

    /** True when there are {@code expectedUnits} units and all of them are RUNNING (on any worker). */
    boolean allRunning(int expectedUnits) {
        return units.size() == expectedUnits && units.stream().allMatch(u -> "RUNNING".equals(u.state()));
    }

    /** True when there are {@code expectedUnits} units and all of them are RUNNING on the worker at {@code port}. */
    boolean allRunningOn(int expectedUnits, int port) {
        return units.size() == expectedUnits && units.stream().allMatch(u -> u.runningOn(port));
    }

    long runningOn(int port) {
        return units.stream().filter(u -> u.runningOn(port)).count();
    }
}
