package io.aqueduct.connect.runtime.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Hands C heap that the process freed back to the operating system, periodically, on one daemon thread. Class
 * loading, the JIT compilers (busiest in the seconds after start-up) and the Kafka clients leave glibc's malloc
 * arenas holding tens of MiB that are free but still resident, and glibc does not return them by itself. The JVM's
 * own {@code System.trim_native_heap} diagnostic command (what {@code -XX:TrimNativeHeapInterval} does in newer
 * JDKs) does the trimming; it is called through the platform MBean server, which the Kafka clients have started
 * already. Where the command does not exist or does nothing (other C libraries), no thread is started.
 *
 * <p>The interval is {@value #DEFAULT_INTERVAL_MS} ms; the system property {@value #INTERVAL_PROPERTY} changes it
 * and 0 turns trimming off.
 */
final class NativeHeapTrim {

    static final String INTERVAL_PROPERTY = "aqueduct.native.heap.trim.interval.ms";
    private static final long DEFAULT_INTERVAL_MS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(NativeHeapTrim.class);
    private static final String DIAGNOSTIC_COMMANDS = "com.sun.management:type=DiagnosticCommand";
    private static final String TRIM_OPERATION = "systemTrimNativeHeap";

    private NativeHeapTrim() {
    }

    /** Trims now and then every interval until the process ends; returns at once. Never throws. */
    static void startPeriodic() {
        long intervalMs = Long.getLong(INTERVAL_PROPERTY, DEFAULT_INTERVAL_MS);
        if (intervalMs <= 0 || !trim()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                while (trim()) {
                    TimeUnit.MILLISECONDS.sleep(intervalMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "native-heap-trim");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the JVM can trim (the call worked) */
    private static boolean trim() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object result = server.invoke(new ObjectName(DIAGNOSTIC_COMMANDS), TRIM_OPERATION,
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String text = result == null ? "" : result.toString().trim();
            log.debug("{}", text);
            return !text.contains("not supported");
        } catch (Exception | LinkageError e) {
            log.debug("Cannot trim the native heap on this JVM; memory freed by the process stays resident", e);
            return false;
        }
    }
}
