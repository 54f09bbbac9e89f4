package io.aqueduct.connect.quickstart;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The quickstart's progress as a person reads it: one line per step, prefixed with the seconds since start. The
 * broker's and the worker's own logs go to files, so these lines are what the terminal shows.
 */
final class Console {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    Console(PrintStream out) {
        this.out = out;
    }

    /** A step reached: printed with the elapsed time. */
    void step(String message) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "[%6.1fs] %s", seconds, message));
    }

    /** Plain text (help, hints, curl commands), printed as is. */
    void text(String text) {
        out.println(text);
    }
}
