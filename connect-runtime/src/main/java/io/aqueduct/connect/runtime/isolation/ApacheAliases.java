package io.aqueduct.connect.runtime.isolation;

import java.util.Map;

/**
 * Apache Kafka Connect's class names for the plugins Aqueduct ships, mapped to ours, so worker and
 * connector configurations written for Apache (e.g. {@code value.converter=org.apache.kafka.connect.json.JsonConverter})
 * work unchanged.
 */
final class ApacheAliases {

    private static final String APACHE = "org.apache.kafka.connect.";
    private static final String OURS = "io.aqueduct.connect.";

    private static final Map<String, String> NAMES = Map.ofEntries(
            same("json.JsonConverter"),
            same("storage.StringConverter"),
            same("converters.ByteArrayConverter"),
            same("converters.IntegerConverter"),
            same("converters.LongConverter"),
            same("converters.ShortConverter"),
            same("converters.FloatConverter"),
            same("converters.DoubleConverter"),
            same("converters.BooleanConverter"),
            Map.entry(APACHE + "storage.SimpleHeaderConverter", OURS + "converters.SimpleHeaderConverter"),
            same("file.FileStreamSourceConnector"),
            same("file.FileStreamSinkConnector"),
            // task.class values in task configs adopted from an Apache Kafka Connect cluster's config topic
            same("file.FileStreamSourceTask"),
            same("file.FileStreamSinkTask"));

    private ApacheAliases() {
    }

    /** Our class name for an Apache Kafka Connect class name, or the name itself when it is not one. */
    static String toAqueduct(String className) {
        return NAMES.getOrDefault(className, className);
    }

    private static Map.Entry<String, String> same(String relativeName) {
        return Map.entry(APACHE + relativeName, OURS + relativeName);
    }
}
