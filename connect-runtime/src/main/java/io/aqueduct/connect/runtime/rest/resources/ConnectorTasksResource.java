package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.herder.ConnectorTaskId;
import io.aqueduct.connect.runtime.rest.entities.ConnectorStateInfo;
import io.aqueduct.connect.runtime.rest.entities.TaskInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** {@code /connectors/{c}/tasks}: task configs, task status, task restart. */
@Path("/connectors/{connector}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorTasksResource {

    private final HerderAccess access;

    @Inject
    ConnectorTasksResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public List<TaskInfo> getTaskConfigs(@PathParam("connector") String connector) {
        return access.herder().taskConfigs(connector);
    }

    @GET
    @Path("/{task}/status")
    public ConnectorStateInfo.TaskState getTaskStatus(@PathParam("connector") String connector,
                                                      @PathParam("task") int task) {
        return access.herder().taskStatus(new ConnectorTaskId(connector, task));
    }

    @POST
    @Path("/{task}/restart")
    public Response restartTask(@PathParam("connector") String connector, @PathParam("task") int task,
                                @Context ContainerRequestContext request) {
        ConnectorTaskId id = new ConnectorTaskId(connector, task);
        return access.write(WriteRequest.of(request), "restart task " + id, herder -> herder.restartTask(id),
                done -> Response.noContent().build());
    }
}
