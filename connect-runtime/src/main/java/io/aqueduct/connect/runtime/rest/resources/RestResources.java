package io.aqueduct.connect.runtime.rest.resources;

import io.aqueduct.connect.runtime.rest.Loggers;
import org.glassfish.jersey.internal.inject.AbstractBinder;

import java.util.ArrayList;
import java.util.List;

/**
 * The resource and filter classes of the two REST applications (main API and /admin), and the binder that hands
 * them their collaborators. Registered as classes rather than instances: Jersey warns about every resource
 * instance it is given.
 */
public final class RestResources {

    private RestResources() {
    }

    /** Classes of the main listeners; with {@code includeAdmin} also /admin (when it has no listeners of its own). */
    public static List<Class<?>> main(boolean includeAdmin) {
        List<Class<?>> classes = new ArrayList<>(List.of(
                ReadinessFilter.class,
                RootResource.class,
                HealthResource.class,
                ConnectorsResource.class,
                ConnectorResource.class,
                ConnectorConfigResource.class,
                ConnectorTasksResource.class,
                InternalTaskConfigsResource.class,
                ConnectorOffsetsResource.class,
                ConnectorTopicsResource.class,
                ConnectorPluginsResource.class));
        if (includeAdmin) {
            classes.add(LoggingResource.class);
        }
        return classes;
    }

    /** Classes of dedicated admin listeners. */
    public static List<Class<?>> admin() {
        return List.of(LoggingResource.class);
    }

    /** Makes the herder access and the loggers injectable into the resources. */
    public static AbstractBinder binder(HerderAccess access, Loggers loggers) {
        return new AbstractBinder() {
            @Override
            protected void configure() {
                bind(access).to(HerderAccess.class);
                bind(loggers).to(Loggers.class);
            }
        };
    }
}
