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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
                "read the offsets of connector '" + connector + "'", null);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Message alterOffsets(@PathParam("connector") String connector, byte[] body,
                                @QueryParam("forward") Boolean forward) {
        ConnectorOffsets offsets = RequestBodies.offsets(body);
        return access.await(access.herder().alterConnectorOffsets(connector, offsets.toMap()),
                "alter the offsets of connector '" + connector + "'", forward);
    }

    @DELETE
    public Message resetOffsets(@PathParam("connector") String connector, @QueryParam("forward") Boolean forward) {
        return access.await(access.herder().resetConnectorOffsets(connector),
                "reset the offsets of connector '" + connector + "'", forward);
    }
}
