package io.aqueduct.connect.runtime.docs;

import io.aqueduct.connect.runtime.config.DistributedConfig;
import io.aqueduct.connect.runtime.config.WorkerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ConfigDocsTest {

    private static final String REGENERATE_PROPERTY = "aqueduct.docs.regenerate";

    /**
     * The committed page must be what the code renders now. With {@code -Daqueduct.docs.regenerate=true} the
     * test rewrites the page instead (and passes), which is how the page is regenerated.
     */
    @Test
    void committedPageMatchesTheConfigDefs() throws IOException {
        Path page = repositoryRoot().resolve(ConfigDocs.PAGE);
        String rendered = ConfigDocs.render();
        if (Boolean.getBoolean(REGENERATE_PROPERTY)) {
            Files.writeString(page, rendered, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
        if (!committed.equals(rendered)) {
            fail(ConfigDocs.PAGE + " is stale: a ConfigDef changed (first difference at line "
                    + firstDifferingLine(committed, rendered) + "). Regenerate it from the repository root with\n  "
                    + ConfigDocs.REGENERATE_COMMAND + "\nand commit the result.");
        }
    }

    @Test
    void renderingIsDeterministic() {
        assertEquals(ConfigDocs.render(), ConfigDocs.render());
    }

    @Test
    void everyWorkerAndDistributedKeyIsDocumented() {
        String page = ConfigDocs.render();
        for (String key : DistributedConfig.configDef().names()) {
            assertTrue(page.contains("### `" + key + "`"), "missing key " + key);
        }
        assertTrue(page.contains("### `offset.storage.file.filename`"));
        assertTrue(page.contains("### `topic.creation.<group>.include`"));
        assertTrue(page.contains("### `errors.deadletterqueue.topic.name`"));
        assertTrue(page.contains("### `schemas.enable`"));
        assertTrue(page.contains("### `converter.encoding`"));
        assertTrue(page.contains("### `batch.size`"), "FileStreamSource's keys");
    }

    @Test
    void workerKeysAreNotRepeatedInTheModeSections() {
        String page = ConfigDocs.render();
        String key = "### `" + WorkerConfig.BOOTSTRAP_SERVERS_CONFIG + "`";
        assertEquals(page.indexOf(key), page.lastIndexOf(key), "bootstrap.servers listed once");
    }

    @Test
    void rendersTypeDefaultValidValuesAndImportance() {
        ConfigDef def = new ConfigDef()
                .define("b.optional", Type.INT, 5, ConfigDef.Range.atLeast(1), Importance.LOW, "Some <alias> text.")
                .define("a.required", Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Needed.")
                .define("c.unset", Type.LIST, null, Importance.LOW, "Maybe.")
                .define("d.empty", Type.LIST, "", Importance.LOW, "Empty.")
                .define("e.secret", Type.PASSWORD, "hunter2", Importance.MEDIUM, "Secret.");

        String text = ConfigMarkdown.render(def, Set.of("c.unset"));

        assertEquals("""
                ### `a.required`

                Needed.

                - Type: string
                - Default: none, required
                - Importance: high

                ### `e.secret`

                Secret.

                - Type: password
                - Default: (hidden)
                - Importance: medium

                ### `b.optional`

                Some &lt;alias&gt; text.

                - Type: int
                - Default: `5`
                - Valid values: [1,...]
                - Importance: low

                ### `d.empty`

                Empty.

                - Type: list
                - Default: `""` (empty)
                - Importance: low

                """, text);
        assertFalse(text.contains("hunter2"));
    }

    @Test
    void lambdaValidatorsAreLeftOutRatherThanPrintedWithTheirIdentityHash() {
        ConfigDef def = new ConfigDef().define("k", Type.INT, 1, (name, value) -> { }, Importance.LOW, "Doc.");
        assertFalse(ConfigMarkdown.render(def, Set.of()).contains("Valid values"));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No repository root (a directory holding mvnw) above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static int firstDifferingLine(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        int i = 0;
        while (i < left.length && i < right.length && left[i].equals(right[i])) {
            i++;
        }
        return i + 1;
    }
}
