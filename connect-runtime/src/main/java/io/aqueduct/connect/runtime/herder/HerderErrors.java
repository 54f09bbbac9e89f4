package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.AlreadyExistsException;
import io.aqueduct.connect.errors.NotFoundException;
import io.aqueduct.connect.runtime.isolation.PluginDesc;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import io.aqueduct.connect.runtime.rest.errors.ConnectRestException;

import java.util.List;

/**
 * The failures a herder reports to REST clients, worded as Apache Kafka Connect words them. Clients and scripts
 * match on these texts, and the wording differs per endpoint, so every herder should build its failures here
 * rather than write its own.
 */
public final class HerderErrors {

    private HerderErrors() {
    }

    /** Unknown connector for info, config, task configs, offsets, delete and config patch. */
    public static NotFoundException connectorNotFound(String connector) {
        return new NotFoundException("Connector " + connector + " not found");
    }

    /** Unknown connector for {@code GET /connectors/{c}/status}. */
    public static NotFoundException noStatusForConnector(String connector) {
        return new NotFoundException("No status found for connector " + connector);
    }

    /** Unknown task for {@code GET /connectors/{c}/tasks/{t}/status}. */
    public static NotFoundException noStatusForTask(ConnectorTaskId id) {
        return new NotFoundException("No status found for task " + id);
    }

    /** Unknown connector for pause, resume and stop. */
    public static NotFoundException unknownConnectorForTargetState(String connector) {
        return new NotFoundException("Unknown connector " + connector);
    }

    /** Unknown connector for connector and task restarts. */
    public static NotFoundException unknownConnectorForRestart(String connector) {
        return new NotFoundException("Unknown connector: " + connector);
    }

    /** Unknown task for {@code POST /connectors/{c}/tasks/{t}/restart}. */
    public static NotFoundException unknownTask(ConnectorTaskId id) {
        return new NotFoundException("Unknown task: " + id);
    }

    /** Unknown plugin for {@code GET /connector-plugins/{p}/config} and validation. */
    public static NotFoundException unknownPlugin(String plugin) {
        return new NotFoundException("Unknown plugin " + plugin + ".");
    }

    /**
     * A {@code connector.class} that names no installed connector (400 on create and update), worded as the
     * reference, which lists each installed connector in its plugin descriptor format.
     */
    public static BadRequestException unknownConnectorClass(String connectorClass, List<PluginDesc> available) {
        StringBuilder listing = new StringBuilder();
        for (PluginDesc plugin : available) {
            if (!listing.isEmpty()) {
                listing.append(", ");
            }
            listing.append("PluginDesc{klass=class ").append(plugin.className())
                    .append(", name='").append(plugin.className())
                    .append("', version='").append(plugin.version())
                    .append("', encodedVersion=").append(plugin.version())
                    .append(", type=").append(plugin.type())
                    .append(", typeName='").append(plugin.type())
                    .append("', location='").append(plugin.location()).append("'}");
        }
        return new BadRequestException("Failed to find any class that implements Connector and which name matches "
                + connectorClass + ", available connectors are: " + listing);
    }

    /** A connector config without {@code connector.class} (400). */
    public static BadRequestException missingConnectorClass() {
        return new BadRequestException("Connector config contains no connector type: set 'connector.class' to the "
                + "connector's class name or alias, e.g. \"connector.class\": \"FileStreamSource\"");
    }

    /** {@code ?version=} (or {@code connector.plugin.version}) that no installed version of the plugin matches. */
    public static BadRequestException versionNotFound(String pluginClass, String requested, String installed) {
        String range = requested.startsWith("[") || requested.startsWith("(") ? requested
                : "[" + requested + "," + requested + "]";
        return new BadRequestException("Plugin " + pluginClass + " not found that matches the version range "
                + range + ", available versions: [" + installed + "]");
    }

    /** Create of a connector whose name is taken. */
    public static AlreadyExistsException connectorExists(String connector) {
        return new AlreadyExistsException("Connector " + connector + " already exists");
    }

    /** A create or update whose config failed validation: every message listed, one per line. */
    public static BadRequestException invalidConfig(ConfigInfos validation) {
        return invalidConfig(validation.errorMessages());
    }

    /** A create or update whose config failed validation: every message listed, one per line. */
    public static BadRequestException invalidConfig(List<String> errorMessages) {
        return new BadRequestException("Connector configuration is invalid and contains the following "
                + errorMessages.size() + " error(s):\n" + String.join("\n", errorMessages) + "\n"
                + "You can also find the above list of errors at the endpoint "
                + "`/connector-plugins/{connectorType}/config/validate`");
    }

    /** PATCH/DELETE offsets of a connector that is not STOPPED. */
    public static BadRequestException offsetsRequireStopped(String connector) {
        return new BadRequestException("Connectors must be in the STOPPED state before their offsets can be "
                + "modified. This can be done for the specified connector by issuing a 'PUT' request to the "
                + "'/connectors/" + connector + "/stop' endpoint");
    }

    /** The group is about to rebalance; the caller may retry (500, as the reference answers). */
    public static RebalanceNeededException rebalanceExpected() {
        return new RebalanceNeededException("Request cannot be completed because a rebalance is expected");
    }

    /** A concurrent config change made the request's view of the config outdated (409). */
    public static ConnectRestException staleConfiguration() {
        return new ConnectRestException(409, "Cannot complete request momentarily due to stale configuration "
                + "(typically caused by a concurrent config change)");
    }

    /** A leader-only write reached a follower that must not forward it, or a rebalance is under way (409). */
    public static ConnectRestException conflictingOperation() {
        return new ConnectRestException(409,
                "Cannot complete request because of a conflicting operation (e.g. worker rebalance)");
    }

    /** {@code GET /connectors/{c}/topics} while {@code topic.tracking.enable=false} (403). */
    public static ConnectRestException topicTrackingDisabled() {
        return new ConnectRestException(403, "Topic tracking is disabled.");
    }

    /** {@code PUT /connectors/{c}/topics/reset} while {@code topic.tracking.allow.reset=false} (403). */
    public static ConnectRestException topicTrackingResetDisabled() {
        return new ConnectRestException(403, "Topic tracking reset is disabled.");
    }
}
