package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.rest.entities.ActiveTopicsInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** {@code /connectors/{c}/topics}: active topics and their reset. Unknown connectors simply have none. */
@Path("/connectors/{connector}/topics")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorTopicsResource {

    private final HerderAccess access;

    @Inject
    ConnectorTopicsResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public Map<String, ActiveTopicsInfo> getActiveTopics(@PathParam("connector") String connector) {
        return Map.of(connector, access.herder().connectorActiveTopics(connector));
    }

    @PUT
    @Path("/reset")
    public Response resetActiveTopics(@PathParam("connector") String connector,
                                      @Context ContainerRequestContext request) {
        return access.write(WriteRequest.of(request), "reset the active topics of connector '" + connector + "'",
                herder -> herder.resetConnectorActiveTopics(connector), done -> Response.accepted().build());
    }
}
