package io.aqueduct.connect.runtime.rest;

import io.aqueduct.connect.runtime.herder.Herder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A herder in front of an {@link InMemoryHerder} whose writes first meet an obstacle (e.g. "not the leader",
 * "rebalance expected") that the test scripts; whatever passes the obstacle is done by the in-memory herder.
 * Every write attempt is recorded, so tests can see how often REST asked.
 */
final class ObstructedHerder {

    /** Future-returning methods that change nothing: REST must not forward or retry them. */
    static final Set<String> READS = Set.of("validateConnectorConfig", "connectorOffsets", "healthCheck",
            "rebalanceSettled");

    final InMemoryHerder backing = new InMemoryHerder();
    /** Given the write method's name, the failure to answer with, or null to let the write through. */
    volatile Function<String, Throwable> obstacle = method -> null;
    /** Names of the write methods REST called, in order. */
    final List<String> attempts = new CopyOnWriteArrayList<>();
    volatile CompletableFuture<Void> rebalanceSettled = new CompletableFuture<>();

    final Herder herder = (Herder) Proxy.newProxyInstance(Herder.class.getClassLoader(), new Class<?>[]{Herder.class},
            (proxy, method, args) -> {
                if (method.getName().equals("rebalanceSettled")) {
                    return rebalanceSettled;
                }
                if (method.getReturnType() == CompletableFuture.class && !READS.contains(method.getName())) {
                    attempts.add(method.getName());
                    Throwable failure = obstacle.apply(method.getName());
                    if (failure != null) {
                        return CompletableFuture.failedFuture(failure);
                    }
                }
                return invoke(method, args);
            });

    /** Fails writes with {@code failure} for as long as {@code obstacle} says so. */
    ObstructedHerder obstruct(Function<String, Throwable> obstacle) {
        this.obstacle = obstacle;
        return this;
    }

    int attempts(String method) {
        return (int) attempts.stream().filter(method::equals).count();
    }

    private Object invoke(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(backing, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
