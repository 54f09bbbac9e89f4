package io.aqueduct.connect.runtime.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Topic creation for source connectors ({@code topic.creation.*}): which group a topic belongs to, and
 * the {@link NewTopic} to create for it. Groups are tried in the order listed in
 * {@code topic.creation.groups}; a topic no group includes falls to {@code default}.
 */
public final class TopicCreationGroups {

    public static final String PREFIX = "topic.creation.";
    public static final String DEFAULT_GROUP = "default";
    static final String INCLUDE = "include";
    static final String EXCLUDE = "exclude";
    static final String REPLICATION_FACTOR = "replication.factor";
    static final String PARTITIONS = "partitions";

    private final List<Group> groups;

    private TopicCreationGroups(List<Group> groups) {
        this.groups = groups;
    }

    /**
     * Adds the per-group keys to {@code def} when the connector config turns topic creation on, that is
     * when it sets {@code topic.creation.default.replication.factor} or {@code .partitions}.
     */
    static ConfigDef enrich(ConfigDef def, Map<String, String> props) {
        if (!isEnabledBy(props)) {
            return def;
        }
        ConfigDef enriched = new ConfigDef(def);
        List<String> names = new ArrayList<>();
        names.add(DEFAULT_GROUP);
        String listed = props.getOrDefault(SourceConnectorConfig.TOPIC_CREATION_GROUPS_CONFIG, "").trim();
        if (!listed.isEmpty()) {
            for (String name : listed.split("\\s*,\\s*")) {
                if (!name.equals(DEFAULT_GROUP)) {
                    names.add(name);
                }
            }
        }
        int order = 1;
        for (String name : names) {
            String group = "Topic Creation Group " + name;
            boolean isDefault = name.equals(DEFAULT_GROUP);
            String prefix = PREFIX + name + ".";
            if (!isDefault) {
                enriched.define(prefix + INCLUDE, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.LOW,
                        "Topic names or regular expressions of the topics this group creates.", group, ++order,
                        Width.LONG, "Inclusion Topic Pattern for " + name);
                enriched.define(prefix + EXCLUDE, Type.LIST, "", Importance.LOW,
                        "Topic names or regular expressions of the topics this group leaves out.", group, ++order,
                        Width.LONG, "Exclusion Topic Pattern for " + name);
            }
            enriched.define(prefix + REPLICATION_FACTOR, Type.INT,
                    isDefault ? ConfigDef.NO_DEFAULT_VALUE : -1, replicationValidator(), Importance.LOW,
                    "Replication factor of the topics this group creates; -1 for the broker default.",
                    group, ++order, Width.SHORT, "Replication Factor for " + name);
            enriched.define(prefix + PARTITIONS, Type.INT,
                    isDefault ? ConfigDef.NO_DEFAULT_VALUE : -1, partitionsValidator(), Importance.LOW,
                    "Number of partitions of the topics this group creates; -1 for the broker default.",
                    group, ++order, Width.SHORT, "Partition Count for " + name);
        }
        return enriched;
    }

    /** Whether the connector asked for topic creation (the default group's settings are present). */
    public static boolean isEnabledBy(Map<String, String> props) {
        return props.containsKey(PREFIX + DEFAULT_GROUP + "." + REPLICATION_FACTOR)
                || props.containsKey(PREFIX + DEFAULT_GROUP + "." + PARTITIONS);
    }

    private static ConfigDef.Validator replicationValidator() {
        return (name, value) -> {
            int rf = (Integer) value;
            if (rf == 0 || rf < -1) {
                throw new ConfigException(name, value, "Use a replication factor of at least 1, or -1 for the broker default");
            }
        };
    }

    private static ConfigDef.Validator partitionsValidator() {
        return (name, value) -> {
            int partitions = (Integer) value;
            if (partitions == 0 || partitions < -1) {
                throw new ConfigException(name, value, "Use at least 1 partition, or -1 for the broker default");
            }
        };
    }

    /** Reads the groups of a validated source connector config; empty when topic creation is off. */
    public static Optional<TopicCreationGroups> of(SourceConnectorConfig config) {
        Map<String, String> props = config.originalsStrings();
        if (!isEnabledBy(props)) {
            return Optional.empty();
        }
        List<Group> groups = new ArrayList<>();
        for (String name : config.getList(SourceConnectorConfig.TOPIC_CREATION_GROUPS_CONFIG)) {
            if (!name.equals(DEFAULT_GROUP)) {
                groups.add(Group.read(name, config, props));
            }
        }
        groups.add(Group.read(DEFAULT_GROUP, config, props));
        return Optional.of(new TopicCreationGroups(groups));
    }

    /** The topic to create for {@code topic}, from the first group that includes it. */
    public NewTopic newTopic(String topic) {
        for (Group group : groups) {
            if (group.matches(topic)) {
                return group.newTopic(topic);
            }
        }
        throw new IllegalStateException("The default topic creation group matches every topic");
    }

    private record Group(String name, List<Pattern> include, List<Pattern> exclude, int replicationFactor,
                         int partitions, Map<String, String> topicConfigs) {

        static Group read(String name, SourceConnectorConfig config, Map<String, String> props) {
            String prefix = PREFIX + name + ".";
            boolean isDefault = name.equals(DEFAULT_GROUP);
            List<Pattern> include = isDefault ? List.of(Pattern.compile(".*")) : patterns(config.getList(prefix + INCLUDE));
            List<Pattern> exclude = isDefault ? List.of() : patterns(config.getList(prefix + EXCLUDE));
            Map<String, String> topicConfigs = new LinkedHashMap<>();
            props.forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    String setting = key.substring(prefix.length());
                    if (!List.of(INCLUDE, EXCLUDE, REPLICATION_FACTOR, PARTITIONS).contains(setting)) {
                        topicConfigs.put(setting, value);
                    }
                }
            });
            return new Group(name, include, exclude, config.getInt(prefix + REPLICATION_FACTOR),
                    config.getInt(prefix + PARTITIONS), topicConfigs);
        }

        private static List<Pattern> patterns(List<String> regexes) {
            List<Pattern> patterns = new ArrayList<>();
            for (String regex : regexes) {
                patterns.add(Pattern.compile(regex));
            }
            return patterns;
        }

        boolean matches(String topic) {
            return include.stream().anyMatch(p -> p.matcher(topic).matches())
                    && exclude.stream().noneMatch(p -> p.matcher(topic).matches());
        }

        NewTopic newTopic(String topic) {
            Optional<Integer> partitionCount = partitions == -1 ? Optional.empty() : Optional.of(partitions);
            Optional<Short> replication = replicationFactor == -1 ? Optional.empty() : Optional.of((short) replicationFactor);
            return new NewTopic(topic, partitionCount, replication).configs(new HashMap<>(topicConfigs));
        }
    }
}
