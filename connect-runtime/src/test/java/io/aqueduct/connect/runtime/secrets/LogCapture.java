package io.aqueduct.connect.runtime.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Captures every log event, at every level of the Aqueduct and Kafka loggers, while open; so a test can
 * assert that no event anywhere carries a secret.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> WIDENED = List.of("io.aqueduct", "org.apache.kafka");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    private final List<Level> previousLevels;

    LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevels = WIDENED.stream().map(name -> context.getLogger(name).getLevel()).toList();
        WIDENED.forEach(name -> context.getLogger(name).setLevel(Level.TRACE));
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    /** Every captured event as text: level, logger, formatted message and stack trace. */
    List<String> lines() {
        return appender.list.stream().map(event -> event.getLevel() + " " + event.getLoggerName() + " "
                + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
    }

    /** The formatted messages logged at WARN. */
    List<String> warnings() {
        return appender.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    String all() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (int i = 0; i < WIDENED.size(); i++) {
            context.getLogger(WIDENED.get(i)).setLevel(previousLevels.get(i));
        }
    }
}
