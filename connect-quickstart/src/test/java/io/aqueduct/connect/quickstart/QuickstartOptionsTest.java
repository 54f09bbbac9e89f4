package io.aqueduct.connect.quickstart;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickstartOptionsTest {

    private static final Path HOME = Path.of("/opt/aqueduct");

    @Test
    void defaultsListenWhereUsersExpectAndKeepDataUnderTheHome() {
        QuickstartOptions options = QuickstartOptions.parse(new String[0], HOME);

        assertEquals(9092, options.brokerPort());
        assertEquals(9093, options.controllerPort());
        assertEquals(8083, options.restPort());
        assertEquals(HOME.resolve("work/quickstart"), options.workDir());
        assertFalse(options.brokerOnly());
        assertFalse(options.demoAndExit());
        assertEquals(Duration.ofSeconds(180), options.timeout());
    }

    @Test
    void everyOptionIsParsedAndTheControllerFollowsTheBrokerPort() {
        QuickstartOptions options = QuickstartOptions.parse(new String[] {"--demo-and-exit", "--broker-port", "19092",
            "--rest-port", "18083", "--work-dir", "/tmp/qs", "--timeout", "30"}, HOME);

        assertTrue(options.demoAndExit());
        assertEquals(19092, options.brokerPort());
        assertEquals(19093, options.controllerPort());
        assertEquals(18083, options.restPort());
        assertEquals(Path.of("/tmp/qs"), options.workDir());
        assertEquals(Duration.ofSeconds(30), options.timeout());
        assertTrue(QuickstartOptions.parse(new String[] {"--broker-only", "--controller-port", "7000"}, HOME).brokerOnly());
        assertEquals(7000, QuickstartOptions.parse(new String[] {"--controller-port", "7000"}, HOME).controllerPort());
    }

    @Test
    void helpReturnsNull() {
        assertNull(QuickstartOptions.parse(new String[] {"--help"}, HOME));
        assertNull(QuickstartOptions.parse(new String[] {"--broker-only", "-h"}, HOME));
    }

    @Test
    void badCommandLinesNameTheOptionAndTheFix() {
        assertMessage("Unknown option '--brokers'", "--brokers");
        assertMessage("Option --rest-port needs a value", "--rest-port");
        assertMessage("Option --broker-port needs a positive whole number, was 'x'", "--broker-port", "x");
        assertMessage("Option --rest-port must be a port between 1 and 65535, was 70000", "--rest-port", "70000");
        assertMessage("--broker-only and --demo-and-exit exclude each other", "--broker-only", "--demo-and-exit");
        assertMessage("The ports must differ", "--broker-port", "8083");
    }

    private static void assertMessage(String expected, String... args) {
        QuickstartOptions.UsageException e = assertThrows(QuickstartOptions.UsageException.class,
                () -> QuickstartOptions.parse(args, HOME));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
