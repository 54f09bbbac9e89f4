package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.rest.Loggers;
import io.aqueduct.connect.runtime.rest.entities.LoggerLevel;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * {@code /admin/loggers}: levels of this worker's loggers; {@code scope=cluster} hands the change to the herder so
 * every worker applies it.
 */
@Path("/admin/loggers")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class LoggingResource {

    private final Loggers loggers;
    private final HerderAccess access;

    @Inject
    LoggingResource(Loggers loggers, HerderAccess access) {
        this.loggers = loggers;
        this.access = access;
    }

    @GET
    public Map<String, LoggerLevel> listLoggers() {
        return loggers.allLevels();
    }

    @GET
    @Path("/{logger}")
    public LoggerLevel getLogger(@PathParam("logger") String logger) {
        return loggers.level(logger);
    }

    @PUT
    @Path("/{logger}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setLevel(@PathParam("logger") String namespace, byte[] body, @QueryParam("scope") String scope,
                             @Context ContainerRequestContext request) {
        String level = Loggers.checkLevel(RequestBodies.loggerLevel(body));
        if ("cluster".equalsIgnoreCase(scope)) {
            return access.write(WriteRequest.of(request, body),
                    "set level " + level + " for logger '" + namespace + "' on all workers",
                    herder -> herder.setClusterLoggerLevel(namespace, level), done -> Response.noContent().build());
        }
        // Any other scope value means this worker, as in the reference.
        return Response.ok(loggers.setLevel(namespace, level)).build();
    }
}
