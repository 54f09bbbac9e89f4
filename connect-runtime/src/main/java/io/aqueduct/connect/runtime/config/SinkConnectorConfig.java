package io.aqueduct.connect.runtime.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A sink connector's framework keys: the common ones, the topics to consume, and the dead letter queue. */
public class SinkConnectorConfig extends ConnectorConfig {

    public static final String TOPICS_CONFIG = "topics";
    public static final String TOPICS_REGEX_CONFIG = "topics.regex";
    public static final String DLQ_TOPIC_NAME_CONFIG = "errors.deadletterqueue.topic.name";
    public static final String DLQ_TOPIC_REPLICATION_FACTOR_CONFIG = "errors.deadletterqueue.topic.replication.factor";
    public static final String DLQ_CONTEXT_HEADERS_ENABLE_CONFIG = "errors.deadletterqueue.context.headers.enable";

    public static ConfigDef configDef() {
        int errorOrder = errorGroupSize();
        return ConnectorConfig.configDef()
                .define(TOPICS_CONFIG, Type.LIST, "", Importance.HIGH,
                        "Topics to consume, comma-separated. Set exactly one of topics and topics.regex.",
                        COMMON_GROUP, 4, Width.LONG, "Topics")
                .define(TOPICS_REGEX_CONFIG, Type.STRING, "", regexValidator(), Importance.HIGH,
                        "A regular expression of the topics to consume; topics created later that match it are"
                                + " consumed too. Set exactly one of topics and topics.regex.",
                        COMMON_GROUP, 4, Width.LONG, "Topics regex")
                .define(DLQ_TOPIC_NAME_CONFIG, Type.STRING, "", Importance.MEDIUM,
                        "The topic that records failing conversion or transformation are written to when"
                                + " errors.tolerance=all. Empty: no dead letter queue.",
                        ERROR_GROUP, ++errorOrder, Width.MEDIUM, "Dead Letter Queue Topic Name")
                .define(DLQ_TOPIC_REPLICATION_FACTOR_CONFIG, Type.SHORT, (short) 3, Importance.MEDIUM,
                        "Replication factor of the dead letter queue topic when the worker creates it.",
                        ERROR_GROUP, ++errorOrder, Width.MEDIUM, "Dead Letter Queue Topic Replication Factor")
                .define(DLQ_CONTEXT_HEADERS_ENABLE_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Whether dead-lettered records carry __connect.errors.* headers that say where and why"
                                + " they failed.",
                        ERROR_GROUP, ++errorOrder, Width.MEDIUM, "Enable Error Context Headers");
    }

    private static ConfigDef.Validator regexValidator() {
        return (name, value) -> {
            String regex = (String) value;
            if (regex == null || regex.isEmpty()) {
                return;
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, value, "Not a valid regular expression: " + e.getDescription());
            }
        };
    }

    public SinkConnectorConfig(Map<String, String> props) {
        super(configDef(), props);
        validateTopics(props);
    }

    /**
     * Checks the rules that span several keys: exactly one of topics and topics.regex, and a dead letter
     * queue topic that the connector does not itself consume.
     *
     * @throws ConfigException naming the first rule broken
     */
    public static void validateTopics(Map<String, String> props) {
        topicsErrors(props).values().stream().findFirst().ifPresent(messages -> {
            throw new ConfigException(messages.get(0));
        });
    }

    /**
     * The broken rules of {@link #validateTopics}, as messages per key they concern (a message about
     * topics and topics.regex together is listed under both); empty when the rules hold.
     */
    public static Map<String, List<String>> topicsErrors(Map<String, String> props) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String topics = props.getOrDefault(TOPICS_CONFIG, "").trim();
        String regex = props.getOrDefault(TOPICS_REGEX_CONFIG, "").trim();
        if (topics.isEmpty() == regex.isEmpty()) {
            String message = "Must configure one of " + TOPICS_CONFIG + " or " + TOPICS_REGEX_CONFIG
                    + (topics.isEmpty() ? "; neither is set"
                    : "; both are set (topics=" + topics + ", topics.regex=" + regex + "), remove one of them");
            errors.put(TOPICS_CONFIG, List.of(message));
            errors.put(TOPICS_REGEX_CONFIG, List.of(message));
            return errors;
        }
        String dlq = props.getOrDefault(DLQ_TOPIC_NAME_CONFIG, "").trim();
        if (!dlq.isEmpty() && consumes(topics, regex, dlq)) {
            errors.put(DLQ_TOPIC_NAME_CONFIG, List.of(new ConfigException(DLQ_TOPIC_NAME_CONFIG, dlq,
                    "The dead letter queue topic is also one the connector consumes ("
                            + (topics.isEmpty() ? "topics.regex=" + regex : "topics=" + topics)
                            + "); choose another topic").getMessage()));
        }
        return errors;
    }

    private static boolean consumes(String topics, String regex, String topic) {
        if (!topics.isEmpty()) {
            return List.of(topics.split("\\s*,\\s*")).contains(topic);
        }
        try {
            return Pattern.compile(regex).matcher(topic).matches();
        } catch (PatternSyntaxException e) {
            return false; // topics.regex reports its own error
        }
    }

    public List<String> topics() {
        return getList(TOPICS_CONFIG);
    }

    public String topicsRegex() {
        return getString(TOPICS_REGEX_CONFIG);
    }

    public String dlqTopic() {
        return getString(DLQ_TOPIC_NAME_CONFIG).trim();
    }
}
