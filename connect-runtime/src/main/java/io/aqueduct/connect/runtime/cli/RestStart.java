package io.aqueduct.connect.runtime.cli;

import io.aqueduct.connect.runtime.herder.BackgroundStart;
import io.aqueduct.connect.runtime.rest.RestServer;

import java.util.concurrent.CompletableFuture;

/**
 * Starts a bound {@link RestServer} on its own thread, so that start-up work that does not need it (plugins,
 * stores, the herder) runs meanwhile, and hands its failure back to the start-up thread.
 */
final class RestStart {

    private RestStart() {
    }

    static CompletableFuture<Void> inBackground(RestServer rest) {
        return BackgroundStart.run("rest-server-start", rest::start);
    }

    /** Waits for {@link #inBackground}; rethrows its failure as thrown there when it is unchecked. */
    static void await(CompletableFuture<Void> started) {
        BackgroundStart.await(started, "start the REST server");
    }
}
