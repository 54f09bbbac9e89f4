package io.aqueduct.connect.runtime.herder;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfo;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigValueInfo;
import io.aqueduct.connect.runtime.secrets.LogSafeConfig;
import io.aqueduct.connect.runtime.secrets.WorkerConfigTransformer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link ConnectorValidator} for a herder: off the herder's thread, on {@code executor}, with a time limit,
 * and on the config as the connector will see it ({@code ${provider:path:key}} placeholders resolved) while the
 * answer shows the placeholders as written, never the values they resolved to. Mode-independent; thread-safe.
 */
public final class ConfigValidation {

    /** How long a validation (which runs the connector's own {@code validate()}) may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final ConnectorValidator validator;
    private final WorkerConfigTransformer transformer;
    private final Executor executor;
    private final Duration timeout;

    /**
     * @param executor runs the validations; give it enough threads that one hung connector does not block the
     *                 others (e.g. a cached pool of daemon threads)
     */
    public ConfigValidation(ConnectorValidator validator, WorkerConfigTransformer transformer, Executor executor,
                            Duration timeout) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.transformer = Objects.requireNonNull(transformer, "transformer");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The validation answer of {@code PUT /connector-plugins/{p}/config/validate}; errors are in the answer. */
    public CompletableFuture<ConfigInfos> validate(Map<String, String> config) {
        return bounded(CompletableFuture.supplyAsync(() -> validateNow(config), executor), config);
    }

    /**
     * Validation before a create or update: completes with the answer when it has no errors, else fails with
     * {@link HerderErrors#invalidConfig(ConfigInfos)} listing every error.
     */
    public CompletableFuture<ConfigInfos> requireValid(Map<String, String> config) {
        return validate(config).thenApply(infos -> {
            if (infos.errorCount() > 0) {
                throw HerderErrors.invalidConfig(infos);
            }
            return infos;
        });
    }

    private ConfigInfos validateNow(Map<String, String> config) {
        // A null connector name: validation must not schedule config reloads for any connector.
        Map<String, String> resolved = transformer.transform(null, config);
        return showPlaceholders(validator.validate(resolved), config, resolved);
    }

    /** Puts back the placeholder text where a value was resolved, in values and in error messages. */
    static ConfigInfos showPlaceholders(ConfigInfos infos, Map<String, String> raw, Map<String, String> resolved) {
        Set<String> keys = LogSafeConfig.providerKeys(raw);
        if (keys.isEmpty()) {
            return infos;
        }
        List<ConfigInfo> configs = new ArrayList<>(infos.configs().size());
        for (ConfigInfo info : infos.configs()) {
            ConfigValueInfo value = info.value();
            if (value == null || !keys.contains(value.name())) {
                configs.add(info);
                continue;
            }
            String written = raw.get(value.name());
            String secret = resolved.get(value.name());
            List<String> errors = new ArrayList<>();
            for (String error : value.errors()) {
                errors.add(secret == null || secret.isEmpty() ? error : error.replace(secret, written));
            }
            String shown = ConfigRedactor.HIDDEN.equals(value.value()) ? value.value() : written;
            configs.add(new ConfigInfo(info.definition(), new ConfigValueInfo(value.name(), shown,
                    value.recommendedValues(), errors, value.visible())));
        }
        return new ConfigInfos(infos.name(), infos.errorCount(), infos.groups(), configs);
    }

    private <T> CompletableFuture<T> bounded(CompletableFuture<T> work, Map<String, String> config) {
        return work.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(error -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                throw new ConnectException("Validation of the config of connector class '"
                        + config.get("connector.class") + "' did not finish within " + timeout.toMillis()
                        + " ms; the connector's validate() or config() may be hung. Check the worker log and the "
                        + "connector's dependencies (e.g. external systems it contacts while validating)");
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectException(String.valueOf(cause.getMessage()), cause);
        });
    }
}
