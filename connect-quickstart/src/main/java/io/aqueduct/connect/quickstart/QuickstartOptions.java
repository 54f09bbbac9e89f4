package io.aqueduct.connect.quickstart;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@code bin/connect-quickstart.sh}.
 *
 * @param home           the Aqueduct installation or source tree (holds {@code bin/}, {@code config/}, {@code plugins/})
 * @param workDir        where the broker's data, the worker's configuration, the demo files and the logs live
 * @param brokerPort     the broker's client port on localhost
 * @param controllerPort the KRaft controller's port on localhost
 * @param restPort       the worker's REST port on localhost
 * @param brokerOnly     start the broker only and wait for Ctrl-C
 * @param demoAndExit    run the demo, then stop everything and exit (0 when every sample line arrived)
 * @param timeout        how long the demo may take before {@code --demo-and-exit} gives up
 */
record QuickstartOptions(Path home, Path workDir, int brokerPort, int controllerPort, int restPort,
                         boolean brokerOnly, boolean demoAndExit, Duration timeout) {

    static final int DEFAULT_BROKER_PORT = 9092;
    static final int DEFAULT_REST_PORT = 8083;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    static final String USAGE = """
            usage: bin/connect-quickstart.sh [options]

            Starts a single-node Kafka broker (KRaft) for development, a distributed Aqueduct worker with the file
            connectors, and a demo pipeline: FileStreamSource (input file) -> topic -> FileStreamSink (output file).
            Data stay in the work directory, so the next run resumes where this one stopped. Ctrl-C stops everything.

            options:
              --broker-only            start only the Kafka broker and wait for Ctrl-C
              --demo-and-exit          run the demo, stop, and exit 0 once every sample line is in the output file
                                       (non-zero with a message otherwise); for scripts and tests
              --broker-port <port>     the broker's port on localhost (default 9092)
              --controller-port <port> the KRaft controller's port on localhost (default: broker port + 1)
              --rest-port <port>       the worker's REST port on localhost (default 8083)
              --work-dir <dir>         where data, configuration, demo files and logs go
                                       (default: <aqueduct home>/work/quickstart)
              --timeout <seconds>      how long --demo-and-exit waits for the demo (default 180)
              -h, --help               print this help
            """;

    /** Thrown for a command line that cannot be used; its message names the option and the fix. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses the command line.
     *
     * @param home the installation directory, which the default work directory is relative to
     * @return the options, or null if help was asked for
     * @throws UsageException for an unknown option, a missing value or a bad number
     */
    static QuickstartOptions parse(String[] args, Path home) {
        Path workDir = home.resolve("work").resolve("quickstart");
        int brokerPort = DEFAULT_BROKER_PORT;
        Integer controllerPort = null;
        int restPort = DEFAULT_REST_PORT;
        boolean brokerOnly = false;
        boolean demoAndExit = false;
        Duration timeout = DEFAULT_TIMEOUT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--broker-only" -> brokerOnly = true;
                case "--demo-and-exit" -> demoAndExit = true;
                case "--broker-port" -> brokerPort = port(arg, value(args, ++i, arg));
                case "--controller-port" -> controllerPort = port(arg, value(args, ++i, arg));
                case "--rest-port" -> restPort = port(arg, value(args, ++i, arg));
                case "--work-dir" -> workDir = Path.of(value(args, ++i, arg));
                case "--timeout" -> timeout = Duration.ofSeconds(positive(arg, value(args, ++i, arg)));
                default -> throw new UsageException("Unknown option '" + arg + "'; see --help for the options.");
            }
        }
        if (brokerOnly && demoAndExit) {
            throw new UsageException("--broker-only and --demo-and-exit exclude each other: the demo needs the worker.");
        }
        int controller = controllerPort != null ? controllerPort : brokerPort + 1;
        if (controller == brokerPort || restPort == brokerPort || restPort == controller) {
            throw new UsageException("The ports must differ: --broker-port " + brokerPort + ", --controller-port "
                    + controller + ", --rest-port " + restPort + ".");
        }
        return new QuickstartOptions(home, workDir.toAbsolutePath().normalize(), brokerPort, controller, restPort,
                brokerOnly, demoAndExit, timeout);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new UsageException("Option " + option + " needs a value; see --help.");
        }
        return args[index];
    }

    private static int port(String option, String value) {
        int port = positive(option, value);
        if (port > 65535) {
            throw new UsageException("Option " + option + " must be a port between 1 and 65535, was " + value + ".");
        }
        return port;
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("Option " + option + " needs a positive whole number, was '" + value + "'.");
    }
}
