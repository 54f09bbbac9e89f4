package io.aqueduct.connect.runtime.rest;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Map;

/**
 * The worker keys the REST server reads, with Apache Kafka Connect's names and defaults. The worker config includes
 * them through {@link #addTo(ConfigDef)}; {@link #RestServerConfig(Map)} parses them on their own (tests, tools).
 */
public final class RestServerConfig extends AbstractConfig {

    public static final String LISTENERS_CONFIG = "listeners";
    public static final String LISTENERS_DEFAULT = "http://:8083";
    public static final String REST_ADVERTISED_HOST_NAME_CONFIG = "rest.advertised.host.name";
    public static final String REST_ADVERTISED_PORT_CONFIG = "rest.advertised.port";
    public static final String REST_ADVERTISED_LISTENER_CONFIG = "rest.advertised.listener";
    public static final String ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG = "access.control.allow.origin";
    public static final String ACCESS_CONTROL_ALLOW_METHODS_CONFIG = "access.control.allow.methods";
    public static final String RESPONSE_HTTP_HEADERS_CONFIG = "response.http.headers.config";
    public static final String ADMIN_LISTENERS_CONFIG = "admin.listeners";
    public static final String REST_EXTENSION_CLASSES_CONFIG = "rest.extension.classes";

    private static final ConfigDef.Validator LISTENERS_VALIDATOR = (name, value) -> {
        @SuppressWarnings("unchecked")
        List<String> listeners = (List<String>) value;
        if (listeners == null) {
            return;
        }
        for (String listener : listeners) {
            parseListener(name, listener);
        }
    };

    private static final ConfigDef.Validator REQUIRED_LISTENERS_VALIDATOR = (name, value) -> {
        LISTENERS_VALIDATOR.ensureValid(name, value);
        if (value == null || ((List<?>) value).isEmpty()) {
            throw new ConfigException(name, value, "At least one listener is required, e.g. " + LISTENERS_DEFAULT);
        }
    };

    private static final ConfigDef.Validator HEADERS_VALIDATOR = (name, value) -> {
        try {
            ResponseHeaders.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    };

    /** Adds the REST keys to a worker's ConfigDef. */
    public static ConfigDef addTo(ConfigDef def) {
        return def
                .define(LISTENERS_CONFIG, Type.LIST, LISTENERS_DEFAULT, REQUIRED_LISTENERS_VALIDATOR, Importance.LOW,
                        "Comma-separated URIs the REST API listens on, e.g. http://:8083,http://127.0.0.1:9000. "
                                + "An empty host binds all interfaces; port 0 picks a free port. Only http is "
                                + "supported so far.")
                .define(REST_ADVERTISED_HOST_NAME_CONFIG, Type.STRING, null, Importance.LOW,
                        "Host name other workers and clients should use to reach this worker; defaults to the "
                                + "listener's host or, if that is empty, this machine's address.")
                .define(REST_ADVERTISED_PORT_CONFIG, Type.INT, null, Importance.LOW,
                        "Port other workers and clients should use; defaults to the listener's bound port.")
                .define(REST_ADVERTISED_LISTENER_CONFIG, Type.STRING, null, Importance.LOW,
                        "Scheme of the listener to advertise (http or https); defaults to the first listener's.")
                .define(ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG, Type.STRING, "", Importance.LOW,
                        "Origins allowed to call the REST API from a browser (CORS): '*' for any, or a "
                                + "comma-separated list of origins such as https://ui.example.com. Empty "
                                + "disables CORS.")
                .define(ACCESS_CONTROL_ALLOW_METHODS_CONFIG, Type.STRING, "", Importance.LOW,
                        "Comma-separated HTTP methods allowed in cross-origin requests; empty means GET, POST, HEAD.")
                .define(RESPONSE_HTTP_HEADERS_CONFIG, Type.STRING, "", HEADERS_VALIDATOR, Importance.LOW,
                        "Headers added to every REST answer, as comma-separated directives "
                                + "'[action] [name]: [value]' where action is set, add, setDate or addDate "
                                + "(date actions take milliseconds from now).")
                .define(ADMIN_LISTENERS_CONFIG, Type.LIST, null, LISTENERS_VALIDATOR, Importance.LOW,
                        "Listeners for the /admin endpoints. Unset: served on 'listeners'. Empty string: "
                                + "/admin is disabled.")
                .define(REST_EXTENSION_CLASSES_CONFIG, Type.LIST, "", Importance.LOW,
                        "REST extension classes (accepted, not loaded yet).");
    }

    public RestServerConfig(Map<?, ?> props) {
        super(addTo(new ConfigDef()), props, false);
    }

    public List<Listener> listeners() {
        return getList(LISTENERS_CONFIG).stream().map(l -> parseListener(LISTENERS_CONFIG, l)).toList();
    }

    /** Null when /admin shares {@link #listeners()}; empty when /admin is disabled. */
    public List<Listener> adminListeners() {
        List<String> admin = getList(ADMIN_LISTENERS_CONFIG);
        return admin == null ? null : admin.stream().map(l -> parseListener(ADMIN_LISTENERS_CONFIG, l)).toList();
    }

    public String advertisedHostName() {
        return getString(REST_ADVERTISED_HOST_NAME_CONFIG);
    }

    public Integer advertisedPort() {
        return getInt(REST_ADVERTISED_PORT_CONFIG);
    }

    public String advertisedListener() {
        return getString(REST_ADVERTISED_LISTENER_CONFIG);
    }

    public String allowedOrigins() {
        return getString(ACCESS_CONTROL_ALLOW_ORIGIN_CONFIG);
    }

    public String allowedMethods() {
        return getString(ACCESS_CONTROL_ALLOW_METHODS_CONFIG);
    }

    List<ResponseHeaders.Directive> responseHeaders() {
        return ResponseHeaders.parse(getString(RESPONSE_HTTP_HEADERS_CONFIG));
    }

    private static Listener parseListener(String key, String listener) {
        try {
            return Listener.parse(listener);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, listener, e.getMessage());
        }
    }
}
