package io.aqueduct.connect.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * One of the two worker implementations under test: where its jars are, its command-line mains, and how its
 * logging is configured. Both run from the same worker and connector property files.
 *
 * @param name the name in the report
 * @param classPath the worker JVM's class path
 * @param standaloneMain main class of standalone mode
 * @param distributedMain main class of distributed mode
 * @param logging how the worker's logs are set up
 */
record ConnectRuntime(String name, String classPath, String standaloneMain, String distributedMain, Logging logging) {

    static final String AQUEDUCT = "Aqueduct";
    static final String APACHE = "Apache";

    /** Which logging back end a runtime ships with; both log at INFO to a file in the run directory. */
    enum Logging {
        LOGBACK, LOG4J2
    }

    enum Mode {
        STANDALONE, DISTRIBUTED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Aqueduct, from the class path file connect-bench's build writes (the runtime scope of that module). */
    static ConnectRuntime aqueduct(Path classPathFile) {
        String classPath;
        try {
            classPath = Files.readString(classPathFile).trim();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read Aqueduct's class path from " + classPathFile
                    + ": build it first with ./mvnw -B -pl connect-bench -am package -DskipTests", e);
        }
        return new ConnectRuntime(AQUEDUCT, classPath, "io.aqueduct.connect.runtime.cli.ConnectStandalone",
                "io.aqueduct.connect.runtime.cli.ConnectDistributed", Logging.LOGBACK);
    }

    /** Apache Kafka Connect, from the directory of jars bench/apache-connect/pom.xml copied. */
    static ConnectRuntime apache(Path libDirectory) {
        List<String> jars = new ArrayList<>();
        // Absolute: the worker runs in its own working directory.
        try (Stream<Path> files = Files.list(libDirectory.toAbsolutePath())) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> jars.add(f.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list Apache Kafka Connect's jars in " + libDirectory
                    + ": build connect-bench first (./mvnw -B -pl connect-bench -am package -DskipTests), which"
                    + " resolves them from Maven Central with bench/apache-connect/pom.xml", e);
        }
        if (jars.stream().noneMatch(j -> j.contains("connect-runtime-"))) {
            throw new IllegalStateException("No connect-runtime jar in " + libDirectory
                    + ": rebuild connect-bench so that bench/apache-connect/pom.xml copies Apache's jars there");
        }
        return new ConnectRuntime(APACHE, String.join(java.io.File.pathSeparator, jars),
                "org.apache.kafka.connect.cli.ConnectStandalone", "org.apache.kafka.connect.cli.ConnectDistributed",
                Logging.LOG4J2);
    }

    /** The version in the file name of the runtime's connect-runtime jar, e.g. "4.3.1", or "unknown". */
    String version() {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.startsWith("connect-runtime-") && file.endsWith(".jar")) {
                return file.substring("connect-runtime-".length(), file.length() - ".jar".length());
            }
        }
        return "unknown";
    }

    String main(Mode mode) {
        return mode == Mode.STANDALONE ? standaloneMain : distributedMain;
    }

    /** Whether {@code className} exists in any class path entry; lets a missing main become a "not available" row. */
    boolean hasClass(String className) {
        String entryName = className.replace('.', '/') + ".class";
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                if (Files.exists(path.resolve(entryName))) {
                    return true;
                }
            } else if (Files.isRegularFile(path)) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    if (zip.getEntry(entryName) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read class path entry " + path, e);
                }
            }
        }
        return false;
    }

    /** JVM options that point the runtime's logging at a file in {@code runDir}, written there by this call. */
    List<String> loggingOptions(Path runDir, String logName) {
        Path logFile = runDir.resolve(logName + ".log");
        try {
            if (logging == Logging.LOGBACK) {
                Path config = runDir.resolve(logName + "-logback.xml");
                Files.writeString(config, """
                        <configuration>
                          <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                            <file>%s</file>
                            <encoder><pattern>%%d{ISO8601} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
                          </appender>
                          <root level="INFO"><appender-ref ref="FILE"/></root>
                        </configuration>
                        """.formatted(logFile));
                return List.of("-Dlogback.configurationFile=" + config);
            }
            Path config = runDir.resolve(logName + "-log4j2.xml");
            Files.writeString(config, """
                    <Configuration status="warn">
                      <Appenders>
                        <File name="FILE" fileName="%s"><PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/></File>
                      </Appenders>
                      <Loggers><Root level="info"><AppenderRef ref="FILE"/></Root></Loggers>
                    </Configuration>
                    """.formatted(logFile));
            return List.of("-Dlog4j2.configurationFile=" + config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the logging configuration into " + runDir, e);
        }
    }
}
