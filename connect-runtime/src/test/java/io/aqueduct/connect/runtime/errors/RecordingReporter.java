package io.aqueduct.connect.runtime.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Keeps what it was told, as the reporters see it during the call. */
final class RecordingReporter implements ErrorReporter {

    record Report(Object original, Stage stage, Class<?> executingClass, Throwable error, int attempts) {
    }

    final List<Report> reports = new ArrayList<>();
    Supplier<CompletableFuture<Void>> result = () -> CompletableFuture.completedFuture(null);
    boolean closed;

    @Override
    public synchronized CompletableFuture<Void> report(ProcessingContext<?> context) {
        reports.add(new Report(context.original(), context.stage(), context.executingClass(), context.error(),
                context.attempts()));
        return result.get();
    }

    @Override
    public void close() {
        closed = true;
    }
}
