package io.aqueduct.connect.runtime.rest.resources;

import io.aqueduct.connect.runtime.herder.InternalRequestSignature;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A write as this worker received it, kept so that it can be sent on to the leader unchanged.
 *
 * @param method       HTTP method
 * @param baseUri      this worker's base URI as the client addressed it (for {@code Location} headers)
 * @param relativePath the path below the base URI, still percent-encoded, without a leading slash
 * @param rawQuery     the query string as received, percent-encoded; null when there is none
 * @param forward      the {@code forward} query parameter; null when the client sent none
 * @param headers      the headers worth passing on (content type, accepted types, credentials)
 * @param body         the request body; empty for requests whose body the endpoint ignores
 */
record WriteRequest(String method, URI baseUri, String relativePath, String rawQuery, Boolean forward,
                    Map<String, String> headers, byte[] body) {

    static final String FORWARD_PARAM = "forward";

    /** Headers the leader needs to treat the request as the client meant it, internal request signatures included. */
    private static final List<String> FORWARDED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
            HttpHeaders.AUTHORIZATION, InternalRequestSignature.SIGNATURE_HEADER,
            InternalRequestSignature.SIGNATURE_ALGORITHM_HEADER);

    /** A request whose body the endpoint does not read. */
    static WriteRequest of(ContainerRequestContext request) {
        return of(request, new byte[0]);
    }

    static WriteRequest of(ContainerRequestContext request, byte[] body) {
        UriInfo uri = request.getUriInfo();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : FORWARDED_HEADERS) {
            String value = request.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String forward = uri.getQueryParameters().getFirst(FORWARD_PARAM);
        // Boolean.valueOf, as Jersey parses a Boolean query parameter: anything but "true" is false.
        return new WriteRequest(request.getMethod(), uri.getBaseUri(), uri.getPath(false).replaceFirst("^/", ""),
                uri.getRequestUri().getRawQuery(), forward == null ? null : Boolean.valueOf(forward), headers,
                body == null ? new byte[0] : body);
    }

    /**
     * The query to send to the leader: the client's parameters, with {@code forward} set to {@code value}. The
     * reference allows one extra hop: a request without the flag goes on with {@code forward=true} (its receiver
     * may forward once more if leadership moved meanwhile), one with {@code forward=true} goes on with
     * {@code forward=false}.
     */
    String queryWithForward(boolean value) {
        StringBuilder query = new StringBuilder();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String param : rawQuery.split("&")) {
                String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                if (!param.isEmpty() && !name.equals(FORWARD_PARAM)) {
                    query.append(param).append('&');
                }
            }
        }
        return query.append(FORWARD_PARAM).append('=').append(value).toString();
    }
}
