package io.aqueduct.connect.runtime.errors;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aqueduct.connect.runtime.herder.ConnectorTaskId;

/**
 * Logs failed records at ERROR ({@code errors.log.enable=true}). Record contents (key, value, headers)
 * are logged only with {@code errors.log.include.messages=true}, since they may hold sensitive data; the
 * record's coordinates always are, so it can be found.
 */
final class LogReporter implements ErrorReporter {

    private static final Logger log = LoggerFactory.getLogger(LogReporter.class);
    private static final CompletableFuture<Void> LOGGED = CompletableFuture.completedFuture(null);

    private final ConnectorTaskId id;
    private final boolean includeContents;
    private final ErrorHandlingMetrics metrics;

    LogReporter(ConnectorTaskId id, boolean includeContents, ErrorHandlingMetrics metrics) {
        this.id = id;
        this.includeContents = includeContents;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<Void> report(ProcessingContext<?> context) {
        if (!log.isErrorEnabled()) {
            return LOGGED;
        }
        log.error("Error encountered in task {}: stage {} with class '{}' failed after {} attempt(s) on {}",
                id, context.stage(), className(context), context.attempts(),
                RecordText.describe(context, includeContents), context.error());
        metrics.recordErrorLogged();
        return LOGGED;
    }

    private static String className(ProcessingContext<?> context) {
        return context.executingClass() == null ? "unknown" : context.executingClass().getName();
    }
}
