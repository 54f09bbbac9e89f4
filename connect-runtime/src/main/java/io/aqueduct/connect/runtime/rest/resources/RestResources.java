package io.aqueduct.connect.runtime.rest.resources;

import io.aqueduct.connect.runtime.rest.Loggers;

import java.util.ArrayList;
import java.util.List;

/** The resource and filter instances of the two REST applications (main API and /admin). */
public final class RestResources {

    private RestResources() {
    }

    /** Resources of the main listeners; with {@code includeAdmin} also /admin (when it has no listeners of its own). */
    public static List<Object> main(HerderAccess access, Loggers loggers, boolean includeAdmin) {
        List<Object> resources = new ArrayList<>(List.of(
                new ReadinessFilter(access),
                new RootResource(access),
                new HealthResource(access),
                new ConnectorsResource(access),
                new ConnectorResource(access),
                new ConnectorConfigResource(access),
                new ConnectorTasksResource(access),
                new ConnectorOffsetsResource(access),
                new ConnectorTopicsResource(access),
                new ConnectorPluginsResource(access)));
        if (includeAdmin) {
            resources.add(new LoggingResource(loggers, access));
        }
        return resources;
    }

    /** Resources of dedicated admin listeners. */
    public static List<Object> admin(HerderAccess access, Loggers loggers) {
        return List.of(new LoggingResource(loggers, access));
    }
}
