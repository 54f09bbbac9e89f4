package io.aqueduct.connect.runtime.rest.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aqueduct.connect.runtime.herder.InternalRequestSignature;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /connectors/{c}/tasks}: internal endpoint through which a worker that runs a connector hands the task
 * configs it generated to the leader, which alone writes them. The body is a JSON array of task config objects,
 * signed with the cluster's session key ({@link InternalRequestSignature}); the signature covers the exact bytes,
 * so the body is read raw.
 */
@Path("/connectors/{connector}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class InternalTaskConfigsResource {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HerderAccess access;

    @Inject
    InternalTaskConfigsResource(HerderAccess access) {
        this.access = access;
    }

    @POST
    public Response putTaskConfigs(@PathParam("connector") String connector,
                                   @Context ContainerRequestContext request, byte[] body) {
        InternalRequestSignature signature = InternalRequestSignature.fromHeaders(body,
                request.getHeaderString(InternalRequestSignature.SIGNATURE_HEADER),
                request.getHeaderString(InternalRequestSignature.SIGNATURE_ALGORITHM_HEADER));
        List<Map<String, String>> taskConfigs = signature == null ? List.of() : parse(body);
        return access.write(WriteRequest.of(request, body), "store the task configs of connector '" + connector + "'",
                herder -> herder.putTaskConfigs(connector, taskConfigs, signature), done -> Response.noContent().build());
    }

    private static List<Map<String, String>> parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new BadRequestException("The body of an internal task configs request must be a JSON array of "
                    + "task config objects: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new BadRequestException("The body of an internal task configs request must be a JSON array of "
                    + "task config objects");
        }
        List<Map<String, String>> configs = new ArrayList<>(root.size());
        for (JsonNode task : root) {
            if (!task.isObject()) {
                throw new BadRequestException("Each task config in an internal task configs request must be a JSON "
                        + "object of config keys to string values");
            }
            Map<String, String> config = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = task.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                config.put(field.getKey(), value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
            }
            configs.add(config);
        }
        return configs;
    }
}
