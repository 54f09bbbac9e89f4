package io.aqueduct.connect.runtime.rest;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** CORS from {@code access.control.allow.origin} / {@code access.control.allow.methods}; off when no origin is set. */
final class Cors {

    private Cors() {
    }

    static Handler wrap(String allowedOrigins, String allowedMethods, Handler next) {
        if (allowedOrigins == null || allowedOrigins.isBlank()) {
            return next;
        }
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(split(allowedOrigins).stream()
                .map(origin -> origin.equals("*") ? ".*" : Pattern.quote(origin))
                .collect(Collectors.toSet()));
        Set<String> methods = split(allowedMethods);
        if (!methods.isEmpty()) {
            cors.setAllowedMethods(methods);
        }
        cors.setAllowedHeaders(Set.of("X-Requested-With", "Content-Type", "Accept", "Origin"));
        cors.setHandler(next);
        return cors;
    }

    private static Set<String> split(String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
