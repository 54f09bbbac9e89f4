package io.aqueduct.connect.runtime.rest;

import io.aqueduct.connect.errors.NotFoundException;
import io.aqueduct.connect.runtime.rest.entities.LoggerLevel;
import io.aqueduct.connect.runtime.rest.errors.ConnectRestException;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and changes logger levels of this worker at run time ({@code /admin/loggers}). The root logger is called
 * {@code root}. Implementations are thread-safe.
 */
public interface Loggers {

    /** Level names accepted by {@link #setLevel}, case-insensitively. */
    Set<String> LEVELS = Set.of("OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");

    /** Every logger known to the logging backend with its effective level, sorted by name. */
    Map<String, LoggerLevel> allLevels();

    /** @throws NotFoundException {@code Logger <name> not found.} when no such logger exists yet */
    LoggerLevel level(String logger);

    /**
     * Sets the level of {@code namespace} (created if needed) and of all its descendants.
     *
     * @param level a name from {@link #LEVELS}, any case
     * @return the affected logger names, sorted
     * @throws NotFoundException {@code invalid log level '<level>'.} for an unknown level name
     */
    List<String> setLevel(String namespace, String level);

    /**
     * The canonical (upper-case) name of a level.
     *
     * @throws NotFoundException {@code invalid log level '<level>'.}, 404 as Apache Kafka Connect answers
     */
    static String checkLevel(String level) {
        String upper = level.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw new NotFoundException("invalid log level '" + level + "'.");
        }
        return upper;
    }

    /** Loggers of the slf4j backend in use: logback if it is bound, otherwise an implementation that answers 501. */
    static Loggers forCurrentBackend() {
        try {
            Loggers logback = LogbackLoggers.ifBound(LoggerFactory.getILoggerFactory());
            if (logback != null) {
                return logback;
            }
        } catch (LinkageError e) {
            // logback-classic is optional: without it only the fallback below is possible
        }
        String backend = LoggerFactory.getILoggerFactory().getClass().getName();
        return new Loggers() {
            private ConnectRestException unsupported() {
                return new ConnectRestException(501, "Logger levels can only be read and changed at run time when "
                        + "logback-classic is the slf4j backend; this worker uses " + backend);
            }

            @Override
            public Map<String, LoggerLevel> allLevels() {
                throw unsupported();
            }

            @Override
            public LoggerLevel level(String logger) {
                throw unsupported();
            }

            @Override
            public List<String> setLevel(String namespace, String level) {
                throw unsupported();
            }
        };
    }
}
