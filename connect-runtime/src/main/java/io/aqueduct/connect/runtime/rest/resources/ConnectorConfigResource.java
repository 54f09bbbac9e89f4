package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.herder.Created;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;

/** {@code /connectors/{c}/config}: read, create-or-replace, merge. */
@Path("/connectors/{connector}/config")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorConfigResource {

    private final HerderAccess access;

    @Inject
    ConnectorConfigResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public Map<String, String> getConnectorConfig(@PathParam("connector") String connector) {
        return access.herder().connectorConfig(connector);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putConnectorConfig(@PathParam("connector") String connector, byte[] body,
                                       @Context ContainerRequestContext request, @Context UriInfo uriInfo) {
        ConnectorNames.check(connector);
        Map<String, String> config = RequestBodies.config(body);
        ConnectorNames.checkAndPutName(connector, config);
        return access.write(WriteRequest.of(request, body), "create or update connector '" + connector + "'",
                herder -> herder.putConnectorConfig(connector, config, null, true),
                (Created<ConnectorInfo> result) -> result.created()
                        ? Response.created(ConnectorsResource.location(uriInfo, connector))
                                .entity(result.result()).build()
                        : Response.ok(result.result()).build());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Response patchConnectorConfig(@PathParam("connector") String connector, byte[] body,
                                         @Context ContainerRequestContext request) {
        Map<String, String> patch = RequestBodies.configPatch(body);
        return access.write(WriteRequest.of(request, body), "patch the config of connector '" + connector + "'",
                herder -> herder.patchConnectorConfig(connector, patch),
                (ConnectorInfo info) -> Response.ok(info).build());
    }
}
