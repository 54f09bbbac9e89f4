package io.aqueduct.connect.quickstart;

/** The poll interval of every wait with a deadline in the quickstart. */
final class Pause {

    static final long POLL_MILLIS = 200;

    private Pause() {
    }

    /** Sleeps one poll interval; an interrupt ends the quickstart's waits as a failure. */
    static void briefly() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuickstartException("Interrupted while waiting", e);
        }
    }
}
