package io.aqueduct.connect.runtime.rest.errors;

import io.aqueduct.connect.errors.AlreadyExistsException;
import io.aqueduct.connect.errors.NotFoundException;
import io.aqueduct.connect.runtime.herder.HerderErrors;
import io.aqueduct.connect.runtime.herder.NotLeaderException;
import io.aqueduct.connect.runtime.herder.RebalanceNeededException;
import io.aqueduct.connect.runtime.rest.entities.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Turns every failure of a REST call into {@code {"error_code": <status>, "message": "..."}} with
 * {@code Content-Type: application/json}, including the framework's own 404/405/406/415. Unexpected failures are
 * 500 with the exception's message and are logged with their stack trace; the trace never goes to the client.
 */
public final class ConnectExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(ConnectExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException wae) {
            return fromFramework(wae);
        }
        int status = statusOf(exception);
        String message = exception.getMessage() != null ? exception.getMessage() : exception.toString();
        if (status >= 500 && isExpected(exception)) {
            log.warn("REST request failed with {}: {}", status, message);
        } else if (status >= 500) {
            log.error("REST request failed with {}: {}", status, message, exception);
        } else {
            log.debug("REST request failed with {}: {}", status, message);
        }
        return json(Response.status(status), status, message);
    }

    /** Failures the runtime raises on purpose; their stack trace tells nothing. */
    private static boolean isExpected(Throwable exception) {
        return exception instanceof ConnectRestException || exception instanceof RebalanceNeededException;
    }

    private static int statusOf(Throwable exception) {
        if (exception instanceof ConnectRestException rest) {
            return rest.statusCode();
        }
        if (exception instanceof NotFoundException) {
            return 404;
        }
        if (exception instanceof AlreadyExistsException) {
            return 409;
        }
        if (exception instanceof NotLeaderException) {
            return HerderErrors.conflictingOperation().statusCode();
        }
        return 500;
    }

    private static Response fromFramework(WebApplicationException wae) {
        Response original = wae.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        if (status >= 500) {
            log.error("REST request failed with {}", status, wae);
        }
        Response.ResponseBuilder builder = Response.status(status);
        for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
            if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                    && !header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        return json(builder, status, wae.getMessage());
    }

    private static Response json(Response.ResponseBuilder builder, int status, String message) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorMessage(status, message)).build();
    }
}
