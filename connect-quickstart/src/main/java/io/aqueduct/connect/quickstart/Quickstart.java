package io.aqueduct.connect.quickstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of {@code bin/connect-quickstart.sh}: a development Kafka broker, a distributed worker and a demo
 * file pipeline. See {@link QuickstartOptions#USAGE} for the command line.
 *
 * <p>Two processes, on purpose: the broker runs in this JVM (its jars, kafka_2.13, Scala and the rest, are on this
 * module's class path only), and the worker runs in a JVM of its own, started through
 * {@code bin/connect-distributed.sh}. So the worker is exactly what users run, on the distribution's lean class path
 * with plugins loaded from {@code plugins/}, untouched by the broker's libraries and logging; the demo doubles as a
 * smoke test of the shipped scripts; and the worker can be stopped, killed or restarted while the broker keeps the
 * data. On Ctrl-C the worker stops first, committing its offsets to the still running broker.
 *
 * <p>Exit codes: 0 on success (and after Ctrl-C), 1 when a step failed (the message says which and what to do),
 * 2 for a bad command line.
 */
public final class Quickstart {

    /** The system property the bin script sets to the installation (or source tree) root. */
    static final String HOME_PROPERTY = "aqueduct.home";
    /** The system property the logging configuration takes its directory from. */
    static final String LOG_DIR_PROPERTY = "aqueduct.logs.dir";

    private Quickstart() {
    }

    public static void main(String[] args) {
        // No logger may be created before the log directory property is set: logback reads it once, on first use.
        Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
        QuickstartOptions options;
        try {
            options = QuickstartOptions.parse(args, home);
        } catch (QuickstartOptions.UsageException e) {
            System.err.println("ERROR " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(QuickstartOptions.USAGE);
            System.exit(0);
            return;
        }
        Path logDir = Path.of(System.getProperty(LOG_DIR_PROPERTY, options.workDir().resolve("logs").toString()))
                .toAbsolutePath().normalize();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            System.err.println("ERROR Cannot create the log directory " + logDir + ": " + e
                    + ". Pick a writable --work-dir.");
            System.exit(1);
            return;
        }
        System.setProperty(LOG_DIR_PROPERTY, logDir.toString());
        System.exit(new QuickstartRun(options, logDir, new Console(System.out)).run());
    }
}
