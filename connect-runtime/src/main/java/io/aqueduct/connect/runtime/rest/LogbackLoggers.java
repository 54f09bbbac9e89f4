package io.aqueduct.connect.runtime.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.aqueduct.connect.errors.NotFoundException;
import io.aqueduct.connect.runtime.rest.entities.LoggerLevel;
import org.slf4j.ILoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Loggers} over a logback {@link LoggerContext}; children inherit nothing implicitly: each gets the level. */
final class LogbackLoggers implements Loggers {

    private static final String ROOT = "root";

    private final LoggerContext context;
    private final Map<String, Long> lastModified = new ConcurrentHashMap<>();

    LogbackLoggers(LoggerContext context) {
        this.context = context;
    }

    static Loggers ifBound(ILoggerFactory factory) {
        return factory instanceof LoggerContext context ? new LogbackLoggers(context) : null;
    }

    @Override
    public Map<String, LoggerLevel> allLevels() {
        Map<String, LoggerLevel> levels = new TreeMap<>();
        for (Logger logger : context.getLoggerList()) {
            levels.put(restName(logger), levelOf(logger));
        }
        return levels;
    }

    @Override
    public LoggerLevel level(String name) {
        Logger logger = ROOT.equalsIgnoreCase(name) ? rootLogger() : context.exists(name);
        if (logger == null) {
            throw new NotFoundException("Logger " + name + " not found.");
        }
        return levelOf(logger);
    }

    @Override
    public synchronized List<String> setLevel(String namespace, String level) {
        Level newLevel = toLogbackLevel(Loggers.checkLevel(level));
        boolean root = ROOT.equalsIgnoreCase(namespace);
        if (!root) {
            context.getLogger(namespace);
        }
        long now = System.currentTimeMillis();
        List<String> affected = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) {
            String name = logger.getName();
            if (root || name.equals(namespace) || name.startsWith(namespace + ".")) {
                logger.setLevel(newLevel);
                String restName = restName(logger);
                lastModified.put(restName, now);
                affected.add(restName);
            }
        }
        affected.sort(null);
        return affected;
    }

    private Logger rootLogger() {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private LoggerLevel levelOf(Logger logger) {
        return new LoggerLevel(logger.getEffectiveLevel().toString(), lastModified.get(restName(logger)));
    }

    private static String restName(Logger logger) {
        return org.slf4j.Logger.ROOT_LOGGER_NAME.equals(logger.getName()) ? ROOT : logger.getName();
    }

    /** Logback has no FATAL; like its slf4j bridge, treat it as ERROR. */
    private static Level toLogbackLevel(String canonical) {
        return "FATAL".equals(canonical) ? Level.ERROR : Level.toLevel(canonical);
    }
}
