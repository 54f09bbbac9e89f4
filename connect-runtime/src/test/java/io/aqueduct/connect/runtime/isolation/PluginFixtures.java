package io.aqueduct.connect.runtime.isolation;

import io.aqueduct.connect.components.Versioned;
import org.apache.kafka.common.config.provider.ConfigProvider;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds plugins at test time: compiles Java sources with the system compiler against the test class
 * path and writes them as a jar or a class directory, with optional service manifests, resources and
 * an Implementation-Version, under {@code target/plugin-fixtures}.
 */
final class PluginFixtures {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "target", "plugin-fixtures");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile("(?:class|interface|enum|record)\\s+(\\w+)");

    private PluginFixtures() {
    }

    /** A fresh, empty directory under target/plugin-fixtures. */
    static Path freshDir(String name) {
        Path dir = ROOT.resolve(name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
        deleteRecursively(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Plugin plugin(String... sources) {
        return new Plugin(List.of(sources));
    }

    /** A widget whose describe() returns {@code text}. */
    static String widgetSource(String className, String text) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "public class " + className.substring(dot + 1)
                + " implements io.aqueduct.connect.runtime.isolation.TestWidget {\n"
                + "  public String describe() { return \"" + text + "\"; }\n}\n";
    }

    /** Compiles {@code sources} into {@code classesDir}; fails the test with javac's diagnostics. */
    static void compile(Path classesDir, List<String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(classesDir);
            List<JavaFileObject> units = new ArrayList<>();
            for (String source : sources) {
                units.add(new SourceText(qualifiedName(source), source));
            }
            List<String> options = List.of("-d", classesDir.toString(), "-classpath", compileClassPath(),
                    "--release", "17", "-proc:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                throw new AssertionError("Test plugin sources do not compile: " + diagnostics.getDiagnostics());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String compileClassPath() {
        return Stream.of(TestWidget.class, Versioned.class, ConfigProvider.class)
                .map(type -> {
                    try {
                        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct()
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    static String qualifiedName(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        Matcher type = TYPE.matcher(source);
        if (!type.find()) {
            throw new IllegalArgumentException("No type declared in test source: " + source);
        }
        return pkg.find() ? pkg.group(1) + "." + type.group(1) : type.group(1);
    }

    /** Writes every file under {@code classesDir} into a jar, plus extra entries and a manifest. */
    static void writeJar(Path jar, Path classesDir, Map<String, String> extraEntries, String implementationVersion) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (implementationVersion != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
        }
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar);
                 JarOutputStream jarOut = new JarOutputStream(out, manifest);
                 Stream<Path> walk = Files.walk(classesDir)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    jarOut.putNextEntry(new JarEntry(classesDir.relativize(file).toString().replace('\\', '/')));
                    jarOut.write(Files.readAllBytes(file));
                    jarOut.closeEntry();
                }
                for (Map.Entry<String, String> entry : extraEntries.entrySet()) {
                    jarOut.putNextEntry(new JarEntry(entry.getKey()));
                    jarOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                    jarOut.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One test plugin: its sources, service manifests and resources. */
    static final class Plugin {
        private final List<String> sources;
        private final Map<String, String> entries = new LinkedHashMap<>();
        private String version;

        private Plugin(List<String> sources) {
            this.sources = sources;
        }

        /** Lists {@code classNames} in the service manifest of {@code kind}. */
        Plugin service(PluginKind kind, String... classNames) {
            entries.merge(kind.serviceManifest(), String.join("\n", classNames) + "\n", String::concat);
            return this;
        }

        Plugin resource(String name, String content) {
            entries.put(name, content);
            return this;
        }

        Plugin implementationVersion(String implementationVersion) {
            this.version = implementationVersion;
            return this;
        }

        /** Compiles and writes the plugin as one jar. */
        Path writeJar(Path jar) {
            Path classes = freshDir("classes");
            compile(classes, sources);
            PluginFixtures.writeJar(jar, classes, entries, version);
            return jar;
        }

        /** Compiles and writes the plugin as a directory of classes and resources. */
        Path writeClassesDir(Path dir) {
            compile(dir, sources);
            try {
                for (Map.Entry<String, String> entry : entries.entrySet()) {
                    Path file = dir.resolve(entry.getKey());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, entry.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return dir;
        }
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;

        SourceText(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
