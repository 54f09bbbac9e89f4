package io.aqueduct.connect.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aqueduct.connect.runtime.rest.entities.ErrorMessage;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Errors Jetty produces itself (bad requests such as an encoded '/' in a path, failures outside Jersey) in the
 * same JSON shape as the REST API's own errors, instead of Jetty's HTML pages.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json";

    /** Created on the first error: the handler is built before the REST server starts, and Jackson takes long to load. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // Jetty writes bodies only for GET/POST/HEAD by default; clients of PUT/DELETE need them too
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        // Always JSON, whatever the client accepts: clients of this API parse error bodies as JSON.
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    static byte[] body(int code, String message) {
        String text = message == null || message.isBlank() ? "HTTP " + code + " " + HttpStatus.getMessage(code)
                : message;
        try {
            return Json.MAPPER.writeValueAsBytes(new ErrorMessage(code, text));
        } catch (JsonProcessingException e) {
            return ("{\"error_code\":" + code + ",\"message\":\"HTTP " + code + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
