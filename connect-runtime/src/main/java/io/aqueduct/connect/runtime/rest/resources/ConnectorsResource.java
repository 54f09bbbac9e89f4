package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.errors.NotFoundException;
import io.aqueduct.connect.runtime.herder.Created;
import io.aqueduct.connect.runtime.herder.Herder;
import io.aqueduct.connect.runtime.herder.TargetState;
import io.aqueduct.connect.runtime.rest.entities.ConnectorInfo;
import io.aqueduct.connect.runtime.rest.entities.CreateConnectorRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /connectors}: list (with {@code expand}) and create. */
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorsResource {

    private final HerderAccess access;

    @Inject
    ConnectorsResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public Object listConnectors(@QueryParam("expand") List<String> expand) {
        Herder herder = access.herder();
        Collection<String> names = herder.connectors();
        if (expand == null || expand.isEmpty()) {
            return names;
        }
        Map<String, Map<String, Object>> expanded = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, Object> details = new LinkedHashMap<>();
            try {
                if (expand.contains("status")) {
                    details.put("status", herder.connectorStatus(name));
                }
                if (expand.contains("info")) {
                    details.put("info", herder.connectorInfo(name));
                }
            } catch (NotFoundException e) {
                continue; // deleted while we listed: it is simply no longer there
            }
            expanded.put(name, details);
        }
        return expanded;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createConnector(byte[] body, @Context ContainerRequestContext request, @Context UriInfo uriInfo) {
        CreateConnectorRequest create = RequestBodies.createRequest(body);
        String name = create.name() == null ? "" : create.name().trim();
        ConnectorNames.check(name);
        Map<String, String> config = new LinkedHashMap<>(create.config());
        ConnectorNames.checkAndPutName(name, config);
        TargetState initialState = create.initialState() == null ? null : create.initialState().toTargetState();
        return access.write(WriteRequest.of(request, body), "create connector '" + name + "'",
                herder -> herder.putConnectorConfig(name, config, initialState, false),
                (Created<ConnectorInfo> created) -> Response.created(location(uriInfo, name))
                        .entity(created.result()).build());
    }

    static URI location(UriInfo uriInfo, String connector) {
        return uriInfo.getBaseUriBuilder().path("connectors").path("{connector}").build(connector);
    }
}
