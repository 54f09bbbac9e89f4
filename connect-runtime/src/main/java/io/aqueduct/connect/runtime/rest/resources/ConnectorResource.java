package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.herder.RestartRequest;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /connectors/{c}}: info, delete, status, restart and target state changes. */
@Path("/connectors/{connector}")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorResource {

    private final HerderAccess access;

    @Inject
    ConnectorResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public ConnectorInfo getConnector(@PathParam("connector") String connector) {
        return access.herder().connectorInfo(connector);
    }

    @DELETE
    public Response deleteConnector(@PathParam("connector") String connector, @QueryParam("forward") Boolean forward) {
        access.await(access.herder().deleteConnectorConfig(connector), "delete connector '" + connector + "'",
                forward);
        return Response.noContent().build();
    }

    @GET
    @Path("/status")
    public ConnectorStateInfo getConnectorStatus(@PathParam("connector") String connector) {
        return access.herder().connectorStatus(connector);
    }

    @POST
    @Path("/restart")
    public Response restartConnector(@PathParam("connector") String connector,
                                     @QueryParam("includeTasks") @DefaultValue("false") boolean includeTasks,
                                     @QueryParam("onlyFailed") @DefaultValue("false") boolean onlyFailed,
                                     @QueryParam("forward") Boolean forward) {
        if (!includeTasks && !onlyFailed) {
            access.await(access.herder().restartConnector(connector), "restart connector '" + connector + "'",
                    forward);
            return Response.noContent().build();
        }
        ConnectorStateInfo status = access.await(
                access.herder().restartConnectorAndTasks(new RestartRequest(connector, onlyFailed, includeTasks)),
                "restart connector '" + connector + "' (includeTasks=" + includeTasks + ", onlyFailed="
                        + onlyFailed + ")", forward);
        return Response.accepted(status).build();
    }

    @PUT
    @Path("/pause")
    public Response pauseConnector(@PathParam("connector") String connector) {
        access.await(access.herder().pauseConnector(connector), "pause connector '" + connector + "'", null);
        return Response.accepted().build();
    }

    @PUT
    @Path("/resume")
    public Response resumeConnector(@PathParam("connector") String connector) {
        access.await(access.herder().resumeConnector(connector), "resume connector '" + connector + "'", null);
        return Response.accepted().build();
    }

    @PUT
    @Path("/stop")
    public Response stopConnector(@PathParam("connector") String connector, @QueryParam("forward") Boolean forward) {
        access.await(access.herder().stopConnector(connector), "stop connector '" + connector + "'", forward);
        return Response.noContent().build();
    }
}
