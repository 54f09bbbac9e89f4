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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
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
    public Response deleteConnector(@PathParam("connector") String connector,
                                    @Context ContainerRequestContext request) {
        return access.write(WriteRequest.of(request), "delete connector '" + connector + "'",
                herder -> herder.deleteConnectorConfig(connector), done -> Response.noContent().build());
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
                                     @Context ContainerRequestContext request) {
        if (!includeTasks && !onlyFailed) {
            return access.write(WriteRequest.of(request), "restart connector '" + connector + "'",
                    herder -> herder.restartConnector(connector), done -> Response.noContent().build());
        }
        RestartRequest restart = new RestartRequest(connector, onlyFailed, includeTasks);
        return access.write(WriteRequest.of(request), "restart connector '" + connector + "' (includeTasks="
                        + includeTasks + ", onlyFailed=" + onlyFailed + ")",
                herder -> herder.restartConnectorAndTasks(restart),
                (ConnectorStateInfo status) -> Response.accepted(status).build());
    }

    @PUT
    @Path("/pause")
    public Response pauseConnector(@PathParam("connector") String connector,
                                   @Context ContainerRequestContext request) {
        return access.write(WriteRequest.of(request), "pause connector '" + connector + "'",
                herder -> herder.pauseConnector(connector), done -> Response.accepted().build());
    }

    @PUT
    @Path("/resume")
    public Response resumeConnector(@PathParam("connector") String connector,
                                    @Context ContainerRequestContext request) {
        return access.write(WriteRequest.of(request), "resume connector '" + connector + "'",
                herder -> herder.resumeConnector(connector), done -> Response.accepted().build());
    }

    @PUT
    @Path("/stop")
    public Response stopConnector(@PathParam("connector") String connector,
                                  @Context ContainerRequestContext request) {
        return access.write(WriteRequest.of(request), "stop connector '" + connector + "'",
                herder -> herder.stopConnector(connector), done -> Response.noContent().build());
    }
}
