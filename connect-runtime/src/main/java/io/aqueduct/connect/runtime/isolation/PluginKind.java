package io.aqueduct.connect.runtime.isolation;

import java.util.List;
import java.util.Objects;

/**
 * One kind of plugin the worker can discover and instantiate: every concrete, public class with a
 * public no-argument constructor that is assignable to {@link #baseClassName()} is a plugin of this
 * kind, and its service manifest is {@code META-INF/services/<baseClassName>}.
 *
 * <p>Kinds are named by class <em>name</em>, not by {@code Class}, so this package compiles without the
 * plugin SPI. {@link Plugins} loads each base class from its parent class loader at discovery time and
 * skips, with a debug log, a kind whose base class is not there. The standard kinds below therefore
 * become active as soon as their connect-api types are on the class path; nothing else needs wiring.
 * A new kind (REST extensions, client override policies) is one more constant added to
 * {@link #STANDARD}.
 *
 * @param baseClassName binary name of the interface or class every plugin of this kind extends
 * @param type the label shown to users, e.g. in {@code GET /connector-plugins} ({@code "source"})
 * @param aliasSuffix the usual ending of a class name of this kind ({@code "Connector"}); a plugin whose
 *        simple name ends with it may also be named without it. Empty when the kind has none.
 */
public record PluginKind(String baseClassName, String type, String aliasSuffix) {

    public static final PluginKind SOURCE =
            new PluginKind("io.aqueduct.connect.source.SourceConnector", "source", "Connector");
    public static final PluginKind SINK =
            new PluginKind("io.aqueduct.connect.sink.SinkConnector", "sink", "Connector");
    public static final PluginKind CONVERTER =
            new PluginKind("io.aqueduct.connect.storage.Converter", "converter", "Converter");
    public static final PluginKind HEADER_CONVERTER =
            new PluginKind("io.aqueduct.connect.storage.HeaderConverter", "header_converter", "Converter");
    public static final PluginKind TRANSFORMATION =
            new PluginKind("io.aqueduct.connect.transforms.Transformation", "transformation", "");
    public static final PluginKind PREDICATE =
            new PluginKind("io.aqueduct.connect.transforms.predicates.Predicate", "predicate", "");
    public static final PluginKind CONFIG_PROVIDER =
            new PluginKind("org.apache.kafka.common.config.provider.ConfigProvider", "config_provider", "ConfigProvider");

    /** The kinds a worker discovers at start-up. */
    public static final List<PluginKind> STANDARD =
            List.of(SOURCE, SINK, CONVERTER, HEADER_CONVERTER, TRANSFORMATION, PREDICATE, CONFIG_PROVIDER);

    /** The kinds a {@code connector.class} value may name. */
    public static final List<PluginKind> CONNECTORS = List.of(SOURCE, SINK);

    public PluginKind {
        Objects.requireNonNull(baseClassName, "baseClassName");
        Objects.requireNonNull(type, "type");
        aliasSuffix = aliasSuffix == null ? "" : aliasSuffix;
        if (baseClassName.isBlank() || type.isBlank()) {
            throw new IllegalArgumentException("A plugin kind needs a base class name and a type label");
        }
    }

    /** A kind for a base type that is on the class path at compile time, e.g. in tests. */
    public static PluginKind of(Class<?> baseClass, String type, String aliasSuffix) {
        return new PluginKind(baseClass.getName(), type, aliasSuffix);
    }

    /** The resource that lists plugins of this kind, in {@link java.util.ServiceLoader}'s format. */
    String serviceManifest() {
        return "META-INF/services/" + baseClassName;
    }

    @Override
    public String toString() {
        return type;
    }
}
