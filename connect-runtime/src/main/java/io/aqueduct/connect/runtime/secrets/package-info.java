/**
 * Config providers (KIP-297/421): {@code ${provider:path:key}} placeholders in worker and connector
 * configurations, resolved from files, directories, environment variables or any
 * {@link org.apache.kafka.common.config.provider.ConfigProvider} found on {@code plugin.path}.
 *
 * <p>Who uses what:
 * <ul>
 *   <li>The CLI main passes the worker properties through {@link io.aqueduct.connect.runtime.secrets.WorkerPropsTransformer}
 *       before it parses them into a {@code WorkerConfig}.</li>
 *   <li>The Worker creates {@link io.aqueduct.connect.runtime.secrets.ConfigProviders} from its
 *       {@code WorkerConfig} and {@code Plugins} at start-up, wraps them in a
 *       {@link io.aqueduct.connect.runtime.secrets.WorkerConfigTransformer}, and calls
 *       {@code transform(connectorName, config)} each time a connector or task starts. The result lives in
 *       memory only: stores, REST responses and logs keep the placeholders.</li>
 *   <li>Anything that logs a configuration first passes it through
 *       {@link io.aqueduct.connect.runtime.secrets.LogSafeConfig}.</li>
 * </ul>
 */
package io.aqueduct.connect.runtime.secrets;
