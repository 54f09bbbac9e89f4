package io.aqueduct.connect.runtime.rest.resources;

import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;

import java.util.List;
import java.util.Map;

/** Rules for names of new or replaced connectors, and for the {@code name} key in their config. */
final class ConnectorNames {

    static final String NAME_CONFIG = "name";

    private ConnectorNames() {
    }

    /**
     * Checks a connector name about to be written. An empty name answers like the reference's validation error;
     * the others explain the rule.
     */
    static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw HerderErrors.invalidConfig(List.of("Invalid value  for configuration name: String may not be empty"));
        }
        if (!name.equals(name.trim())) {
            throw new BadRequestException("Connector name '" + name + "' has leading or trailing whitespace; "
                    + "remove it");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("Connector name '" + printable(name) + "' contains ISO control "
                    + "characters (such as newlines or tabs); remove them");
        }
        if (name.indexOf('/') >= 0) {
            throw new BadRequestException("Connector name '" + name + "' contains '/', which cannot be used in "
                    + "REST paths (/connectors/{name}); choose a name without '/'");
        }
    }

    /**
     * Makes the config's {@code name} the connector name: adds it when absent, rejects a different one.
     */
    static void checkAndPutName(String name, Map<String, String> config) {
        String configured = config.get(NAME_CONFIG);
        if (configured != null && !configured.equals(name)) {
            throw new BadRequestException("Connector name configuration (" + configured
                    + ") doesn't match connector name in the URL (" + name + ")");
        }
        config.putIfAbsent(NAME_CONFIG, name);
    }

    private static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.chars().forEach(c -> sb.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
        return sb.toString();
    }
}
