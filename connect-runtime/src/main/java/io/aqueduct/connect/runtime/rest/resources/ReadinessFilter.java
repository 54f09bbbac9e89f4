package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.rest.entities.ErrorMessage;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers 503 with a JSON error for everything that needs the herder until the herder is ready. {@code /health}
 * answers for itself, {@code GET /} only needs the Kafka cluster id (503 until that is known) and {@code /admin}
 * needs no herder for worker-scoped calls.
 */
@PreMatching
@Singleton
public final class ReadinessFilter implements ContainerRequestFilter {

    private final HerderAccess access;

    @Inject
    ReadinessFilter(HerderAccess access) {
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (access.ready()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.isEmpty() || path.equals("health") || path.equals("admin") || path.startsWith("admin/")) {
            return;
        }
        request.abortWith(Response.status(503)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "1")
                .entity(new ErrorMessage(503, HerderAccess.STARTING_MESSAGE))
                .build());
    }
}
