package io.aqueduct.connect.runtime.rest;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code response.http.headers.config}: comma-separated directives {@code [action] [name]: [value]} (a directive
 * whose value holds a comma is written in double quotes), applied to every REST answer.
 */
final class ResponseHeaders {

    enum Action {
        SET, ADD, SET_DATE, ADD_DATE;

        static Action parse(String word, String directive) {
            return switch (word.toLowerCase(Locale.ROOT)) {
                case "set" -> SET;
                case "add" -> ADD;
                case "setdate" -> SET_DATE;
                case "adddate" -> ADD_DATE;
                default -> throw new IllegalArgumentException("Header directive '" + directive + "' starts with '"
                        + word + "'; the action must be one of set, add, setDate, addDate");
            };
        }
    }

    /** One directive; for the date actions {@code value} is a number of milliseconds added to the current time. */
    record Directive(Action action, String name, String value) {

        void applyTo(HttpFields.Mutable headers, long nowMillis) {
            switch (action) {
                case SET -> headers.put(name, value);
                case ADD -> headers.add(name, value);
                case SET_DATE -> headers.putDate(name, nowMillis + Long.parseLong(value));
                case ADD_DATE -> headers.addDateField(name, nowMillis + Long.parseLong(value));
            }
        }
    }

    private ResponseHeaders() {
    }

    /**
     * @throws IllegalArgumentException naming the bad directive and the expected form
     */
    static List<Directive> parse(String config) {
        List<Directive> directives = new ArrayList<>();
        if (config == null || config.isBlank()) {
            return directives;
        }
        for (String raw : splitOutsideQuotes(config)) {
            String directive = unquote(raw.trim());
            if (directive.isEmpty()) {
                continue;
            }
            String[] actionAndRest = directive.split("\\s+", 2);
            int colon = actionAndRest.length < 2 ? -1 : actionAndRest[1].indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Header directive '" + directive + "' is not of the form "
                        + "'[action] [header name]: [header value]', e.g. 'set X-Frame-Options: DENY'");
            }
            Action action = Action.parse(actionAndRest[0], directive);
            String name = actionAndRest[1].substring(0, colon).trim();
            String value = actionAndRest[1].substring(colon + 1).trim();
            if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new IllegalArgumentException("Header directive '" + directive + "' has an invalid header "
                        + "name '" + name + "'");
            }
            if (action == Action.SET_DATE || action == Action.ADD_DATE) {
                try {
                    Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Header directive '" + directive + "' needs a number of "
                            + "milliseconds (from now) as its value, not '" + value + "'");
                }
            }
            directives.add(new Directive(action, name, value));
        }
        return directives;
    }

    private static List<String> splitOutsideQuotes(String config) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : config.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Header config '" + config + "' has an unclosed double quote");
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).trim() : s;
    }

    /** Puts the directives' headers on every response before the wrapped handler writes it. */
    static final class Applier extends Handler.Wrapper {

        private final List<Directive> directives;

        Applier(List<Directive> directives, Handler next) {
            super(next);
            this.directives = List.copyOf(directives);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long now = System.currentTimeMillis();
            for (Directive directive : directives) {
                directive.applyTo(response.getHeaders(), now);
            }
            return super.handle(request, response, callback);
        }
    }
}
