package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.herder.Herder;
import io.aqueduct.connect.runtime.rest.entities.WorkerStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code GET /health}: 503 while starting, 200 once the herder answers, 500 when it does not in time. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class HealthResource {

    private static final Logger log = LoggerFactory.getLogger(HealthResource.class);

    private final HerderAccess access;

    @Inject
    HealthResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public Response health() {
        if (!access.ready()) {
            return Response.status(503).entity(WorkerStatus.starting("Worker is still starting up.")).build();
        }
        Herder herder = access.herder();
        long timeoutMs = access.healthCheckTimeout().toMillis();
        try {
            herder.healthCheck().get(timeoutMs, TimeUnit.MILLISECONDS);
            return Response.ok(WorkerStatus.healthy()).build();
        } catch (TimeoutException e) {
            String activity = herder.currentActivity().map(a -> " The herder is currently " + a + ".").orElse("");
            return unhealthy("The herder did not answer a health check within " + timeoutMs + " ms and may be "
                    + "unable to handle other requests." + activity);
        } catch (ExecutionException e) {
            log.warn("Health check failed", e.getCause());
            return unhealthy("The health check failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unhealthy("Interrupted while waiting for the health check");
        }
    }

    private static Response unhealthy(String message) {
        return Response.status(500).entity(WorkerStatus.unhealthy(message)).build();
    }
}
