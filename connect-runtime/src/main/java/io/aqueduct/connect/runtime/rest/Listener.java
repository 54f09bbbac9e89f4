package io.aqueduct.connect.runtime.rest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code listeners} / {@code admin.listeners}: {@code scheme://host:port}, where an empty host means
 * all interfaces and port 0 a free port. Parsed by hand because {@link java.net.URI} does not accept the empty
 * host of the default {@code http://:8083}.
 *
 * @param host null for all interfaces; IPv6 addresses without brackets
 */
public record Listener(String scheme, String host, int port) {

    private static final Pattern FORM = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://(\\[[0-9a-fA-F:.%]+]|[^:/\\[\\]]*):([0-9]{1,5})/?$");

    /**
     * @throws IllegalArgumentException naming the listener and the expected form
     */
    public static Listener parse(String listener) {
        Matcher m = FORM.matcher(listener.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Listener '" + listener + "' is not of the form scheme://host:port, "
                    + "e.g. http://:8083 or http://127.0.0.1:8083");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("Listener '" + listener + "' uses scheme '" + scheme
                    + "', but only http listeners are supported so far; use http://");
        }
        int port = Integer.parseInt(m.group(3));
        if (port > 65535) {
            throw new IllegalArgumentException("Listener '" + listener + "' has port " + port
                    + ", which is above 65535; use 0 for any free port");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Listener(scheme, host.isEmpty() ? null : host, port);
    }

    @Override
    public String toString() {
        String h = host == null ? "" : host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + ":" + port;
    }
}
