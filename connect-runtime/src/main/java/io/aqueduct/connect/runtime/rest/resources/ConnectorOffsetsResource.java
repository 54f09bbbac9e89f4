package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.rest.entities.ConnectorOffsets;
import io.aqueduct.connect.runtime.rest.entities.Message;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /connectors/{c}/offsets}: read, alter, reset. */
@Path("/connectors/{connector}/offsets")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorOffsetsResource {

    private final HerderAccess access;

    @Inject
    ConnectorOffsetsResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public ConnectorOffsets getOffsets(@PathParam("connector") String connector) {
        return access.await(access.herder().connectorOffsets(connector),
                "read the offsets of connector '" + connector + "'");
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Response alterOffsets(@PathParam("connector") String connector, byte[] body,
                                 @Context ContainerRequestContext request) {
        ConnectorOffsets offsets = RequestBodies.offsets(body);
        return access.write(WriteRequest.of(request, body), "alter the offsets of connector '" + connector + "'",
                herder -> herder.alterConnectorOffsets(connector, offsets.toMap()),
                (Message message) -> Response.ok(message).build());
    }

    @DELETE
    public Response resetOffsets(@PathParam("connector") String connector, @Context ContainerRequestContext request) {
        return access.write(WriteRequest.of(request), "reset the offsets of connector '" + connector + "'",
                herder -> herder.resetConnectorOffsets(connector), (Message message) -> Response.ok(message).build());
    }
}
