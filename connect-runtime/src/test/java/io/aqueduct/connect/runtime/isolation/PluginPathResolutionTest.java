package io.aqueduct.connect.runtime.isolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PluginPathResolutionTest {

    @TempDir
    Path home;

    @Test
    void aRelativeEntryMissingHereIsTakenFromTheInstallationDirectory() throws Exception {
        Files.createDirectories(home.resolve("plugins-for-resolution-test"));
        assertEquals(List.of(home.resolve("plugins-for-resolution-test").toString()),
                Plugins.resolveAgainstHome(List.of("plugins-for-resolution-test"), home.toString()));
    }

    @Test
    void absoluteEntriesUnknownEntriesAndNoHomeStayAsWritten() throws Exception {
        Files.createDirectories(home.resolve("elsewhere"));
        String absolute = home.resolve("elsewhere").toString();
        assertEquals(List.of(absolute, "not-anywhere"),
                Plugins.resolveAgainstHome(List.of(absolute, "not-anywhere"), home.toString()));
        assertEquals(List.of("plugins"), Plugins.resolveAgainstHome(List.of("plugins"), null));
    }

    @Test
    void anEntryThatExistsInTheWorkingDirectoryWinsAsInApache() {
        // "target" exists in the module directory the tests run from
        Path underHome = home.resolve("target");
        assertEquals(List.of("target"), Plugins.resolveAgainstHome(List.of("target"), home.toString()));
        assertFalse(Files.exists(underHome));
    }
}
