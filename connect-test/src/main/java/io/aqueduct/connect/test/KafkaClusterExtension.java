package io.aqueduct.connect.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * JUnit 5 extension behind {@link KafkaIT}: one Kafka cluster per test class, handed out as a
 * {@link KafkaCluster} through parameters and fields, closed exactly once after the class.
 *
 * <p>Registering it with {@code @ExtendWith} instead of {@code @KafkaIT} gives a one-node cluster and no default
 * timeout. After the class the extension fails the class if a node of the embedded cluster reported a fatal
 * fault, even when all tests passed.
 */
public final class KafkaClusterExtension
        implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {

    /** Environment variable naming an external cluster's bootstrap servers; when set, nothing is embedded. */
    public static final String EXTERNAL_BOOTSTRAP_ENV = "AQUEDUCT_TEST_BOOTSTRAP_SERVERS";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaClusterExtension.class);
    private static final String CLUSTER_KEY = "cluster";

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        ClassCluster cluster = clusterFor(context);
        injectFields(context.getRequiredTestClass(), null, cluster.handle());
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        injectFields(testInstance.getClass(), testInstance, clusterFor(context).handle());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return clusterFor(extensionContext).handle();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassCluster cluster = context.getStore(NAMESPACE).get(CLUSTER_KEY, ClassCluster.class);
        // A @Nested class sees its enclosing class's cluster here; only the class that started it closes it.
        if (cluster != null && cluster.ownerId().equals(context.getUniqueId())) {
            cluster.close(context.getDisplayName());
        }
    }

    /**
     * The cluster of the class {@code context} belongs to, started on first use. Instance post-processing can
     * run before {@code beforeAll} (per-class test instances), so any callback may be the first.
     */
    private static ClassCluster clusterFor(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext owner = classContext;
        ClassCluster cluster = owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(CLUSTER_KEY, key -> ClassCluster.start(owner), ClassCluster.class);
        cluster.checkUsable();
        return cluster;
    }

    private static void injectFields(Class<?> type, Object instance, KafkaCluster handle)
            throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(field.getModifiers());
                if (field.getType() != KafkaCluster.class || isStatic != (instance == null)) {
                    continue;
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    throw new ExtensionConfigurationException("Field " + c.getName() + "." + field.getName()
                            + " of type KafkaCluster is final, so the Kafka harness cannot set it; remove 'final'");
                }
                field.setAccessible(true);
                field.set(instance, handle);
            }
        }
    }

    /** The settings of the outermost class (or superclass) carrying {@link KafkaIT}; defaults otherwise. */
    private static KafkaIT settingsOf(Class<?> testClass) {
        KafkaIT found = null;
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<KafkaIT> annotation = AnnotationSupport.findAnnotation(c, KafkaIT.class);
            if (annotation.isPresent()) {
                found = annotation.get();
            }
        }
        return found;
    }

    static Map<String, String> parseBrokerConfig(String[] entries) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException("@KafkaIT brokerConfig entry '" + entry
                        + "' is not of the form key=value");
            }
            config.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return config;
    }

    /** The cluster of one test class and the id of the class context that owns (and closes) it. */
    private record ClassCluster(String ownerId, ClusterHandle handle, EmbeddedKafka embedded, String skipReason) {

        static ClassCluster start(ExtensionContext classContext) {
            KafkaIT settings = settingsOf(classContext.getRequiredTestClass());
            int brokers = settings == null ? 1 : settings.brokers();
            String external = System.getenv(EXTERNAL_BOOTSTRAP_ENV);
            if (external != null && !external.isBlank()) {
                ClusterHandle handle = new ClusterHandle(external.trim(), null);
                int available = handle.brokerCount();
                String skip = available >= brokers ? null : "The external cluster at " + external + " has "
                        + available + " broker(s) but this test class needs " + brokers;
                return new ClassCluster(classContext.getUniqueId(), handle, null, skip);
            }
            Map<String, String> brokerConfig = settings == null ? Map.of() : parseBrokerConfig(settings.brokerConfig());
            EmbeddedKafka embedded = EmbeddedKafka.start(brokers, brokerConfig, EmbeddedKafka.defaultBaseDirectory());
            try {
                return new ClassCluster(classContext.getUniqueId(),
                        new ClusterHandle(embedded.bootstrapServers(), embedded), embedded, null);
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }

        void checkUsable() {
            if (skipReason != null) {
                throw new TestAbortedException(skipReason);
            }
        }

        void close(String className) {
            Throwable failure = null;
            try {
                handle.close();
            } catch (RuntimeException e) {
                failure = e;
            }
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (RuntimeException | AssertionError e) {
                    failure = chain(failure, e);
                }
                // Checked even when close hung: a lost quorum shows up as a fatal fault first.
                Throwable fault = embedded.fatalFault();
                if (fault != null) {
                    failure = chain(new AssertionError("The embedded Kafka cluster of " + className
                            + " reported a fatal fault: " + fault, fault), failure);
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure != null) {
                throw (Error) failure;
            }
        }

        private static Throwable chain(Throwable first, Throwable next) {
            if (first == null) {
                return next;
            }
            if (next != null) {
                first.addSuppressed(next);
            }
            return first;
        }
    }
}
