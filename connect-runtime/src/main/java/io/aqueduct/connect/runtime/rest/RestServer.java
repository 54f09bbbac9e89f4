package io.aqueduct.connect.runtime.rest;

import io.aqueduct.connect.errors.ConnectException;
import io.aqueduct.connect.runtime.herder.Herder;
import io.aqueduct.connect.runtime.rest.errors.ConnectExceptionMapper;
import io.aqueduct.connect.runtime.rest.resources.HerderAccess;
import io.aqueduct.connect.runtime.rest.resources.RestResources;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The REST server: Jetty with one Jersey application on {@code listeners} and, when {@code admin.listeners} is set,
 * a second one for {@code /admin}. It starts before the herder exists; until {@link #attachHerder} and the herder's
 * readiness, {@code /health} answers 503 "starting" and everything that needs the herder a 503 JSON error.
 * {@code GET /} answers once the Kafka cluster id is known ({@link #kafkaClusterId(String)} or the herder's).
 */
public final class RestServer {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RestServer.class);
    private static final String MAIN = "main";
    private static final String ADMIN = "admin";
    private static final int MAX_THREADS = 200;
    private static final int MIN_THREADS = 4;

    static {
        // Jersey and HK2 log through java.util.logging.
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private final RestServerConfig config;
    private final Loggers loggers;
    private final HerderAccess access = new HerderAccess(DEFAULT_REQUEST_TIMEOUT, DEFAULT_HEALTH_CHECK_TIMEOUT);
    private final List<ServerConnector> mainConnectors = new ArrayList<>();
    private final List<ServerConnector> adminConnectors = new ArrayList<>();
    private Server server;

    public RestServer(RestServerConfig config) {
        this(config, Loggers.forCurrentBackend());
    }

    public RestServer(RestServerConfig config, Loggers loggers) {
        this.config = config;
        this.loggers = loggers;
    }

    /** Bounds every wait on the herder (default 90 s); the timeout answer is a 500 naming the blocked operation. */
    public void requestTimeout(Duration timeout) {
        access.requestTimeout(timeout);
    }

    /** Bounds the herder health check behind {@code GET /health} (default 10 s). */
    public void healthCheckTimeout(Duration timeout) {
        access.healthCheckTimeout(timeout);
    }

    /**
     * Binds all listeners without serving yet, so that {@link #advertisedUrl()} and {@link #serverUris()} know the
     * real ports while the slower {@link #start()} runs, e.g. on another thread. Connections that arrive meanwhile
     * wait in the listen backlog. Optional: {@link #start()} binds when this was not called.
     *
     * @throws ConnectException naming the listeners when one cannot be bound
     */
    public synchronized void bind() {
        if (server != null) {
            throw new IllegalStateException("The REST server was already bound");
        }
        build();
        try {
            for (Connector connector : server.getConnectors()) {
                ((ServerConnector) connector).open();
            }
        } catch (Exception e) {
            stopQuietly();
            throw cannotStart(e);
        }
    }

    /** Binds all listeners (unless {@link #bind()} did) and serves. @throws ConnectException naming the listeners */
    public synchronized void start() {
        if (server == null) {
            build();
        } else if (server.isStarted()) {
            throw new IllegalStateException("The REST server was already started");
        }
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw cannotStart(e);
        }
        log.info("REST server listening on {}{}; advertised URL {}", serverUris(),
                separateAdmin() ? ", /admin on " + adminUris() : "", advertisedUrl());
    }

    private boolean separateAdmin() {
        List<Listener> adminListeners = config.adminListeners();
        return adminListeners != null && !adminListeners.isEmpty();
    }

    private ConnectException cannotStart(Exception e) {
        return new ConnectException("Could not start the REST server on " + config.listeners()
                + (separateAdmin() ? " and admin listeners " + config.adminListeners() : "") + ": " + e.getMessage()
                + "; check that the ports in '" + RestServerConfig.LISTENERS_CONFIG + "' are free", e);
    }

    private void build() {
        // Jetty keeps minThreads alive when idle (8 by default); the acceptor and the selector hold one each and
        // requests are rare, so 4 is plenty and the idle worker carries fewer thread stacks. Busy times still grow the
        // pool up to the usual 200.
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("rest-server");
        server = new Server(threads);
        server.setErrorHandler(new JsonErrorHandler());

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        List<Listener> adminListeners = config.adminListeners();
        boolean separateAdmin = adminListeners != null && !adminListeners.isEmpty();
        for (Listener listener : config.listeners()) {
            mainConnectors.add(connector(listener, http, MAIN));
        }
        if (separateAdmin) {
            for (Listener listener : adminListeners) {
                adminConnectors.add(connector(listener, http, ADMIN));
            }
        }

        ServletContextHandler main = context(RestResources.main(adminListeners == null));
        Handler contexts = main;
        if (separateAdmin) {
            ServletContextHandler admin = context(RestResources.admin());
            main.setVirtualHosts(List.of("@" + MAIN));
            admin.setVirtualHosts(List.of("@" + ADMIN));
            contexts = new ContextHandlerCollection(main, admin);
        }
        Handler handler = Cors.wrap(config.allowedOrigins(), config.allowedMethods(), contexts);
        List<ResponseHeaders.Directive> headers = config.responseHeaders();
        if (!headers.isEmpty()) {
            handler = new ResponseHeaders.Applier(headers, handler);
        }
        server.setHandler(handler);
    }

    /**
     * Hands the herder to the resources. Requests that need it are answered 503 until this call and until
     * {@link Herder#isReady()}.
     */
    public void attachHerder(Herder herder) {
        access.attach(herder);
    }

    /**
     * The Kafka cluster id, when known before the herder is ready: {@code GET /} answers with it at once instead of
     * waiting for the herder.
     */
    public void kafkaClusterId(String clusterId) {
        access.kafkaClusterId(clusterId);
    }

    /** The bound URIs of the main listeners (real ports when 0 was configured), e.g. {@code http://127.0.0.1:8083/}. */
    public List<URI> serverUris() {
        return mainConnectors.stream().map(c -> uri(c, null, null)).toList();
    }

    /** Where /admin is served: its own listeners, the main ones, or none when disabled. */
    public List<URI> adminUris() {
        List<Listener> admin = config.adminListeners();
        if (admin == null) {
            return serverUris();
        }
        return adminConnectors.stream().map(c -> uri(c, null, null)).toList();
    }

    /** The URL other workers and clients should use for this worker, from the {@code rest.advertised.*} keys. */
    public URI advertisedUrl() {
        String scheme = config.advertisedListener();
        ServerConnector chosen = mainConnectors.stream()
                .filter(c -> scheme == null || scheme.equalsIgnoreCase("http"))
                .findFirst()
                .orElseThrow(() -> new ConnectException("No listener uses the scheme '" + scheme + "' given in '"
                        + RestServerConfig.REST_ADVERTISED_LISTENER_CONFIG + "'; only http listeners exist"));
        return uri(chosen, config.advertisedHostName(), config.advertisedPort());
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        log.info("Stopping REST server");
        if (!server.isStarted()) {
            closeConnectors();
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new ConnectException("Could not stop the REST server: " + e.getMessage(), e);
        }
    }

    private ServerConnector connector(Listener listener, HttpConfiguration http, String name) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(listener.host());
        connector.setPort(listener.port());
        connector.setName(name);
        server.addConnector(connector);
        return connector;
    }

    private ServletContextHandler context(List<Class<?>> resources) {
        ResourceConfig app = new ResourceConfig();
        app.register(RestResources.binder(access, loggers));
        app.register(JacksonFeature.withoutExceptionMappers());
        app.register(new ConnectExceptionMapper());
        resources.forEach(app::register);
        app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        app.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ServletContainer(app)), "/*");
        context.setErrorHandler(new JsonErrorHandler());
        return context;
    }

    private static URI uri(ServerConnector connector, String advertisedHost, Integer advertisedPort) {
        String host = advertisedHost != null && !advertisedHost.isBlank() ? advertisedHost : connector.getHost();
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
            host = localAddress();
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = advertisedPort != null ? advertisedPort : connector.getLocalPort();
        return URI.create("http://" + host + ":" + port + "/");
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            log.debug("Ignoring failure while stopping a REST server that failed to start", e);
        }
        closeConnectors();
    }

    /** A server that was only {@link #bind() bound} has nothing to stop but its open listeners. */
    private void closeConnectors() {
        for (Connector connector : server.getConnectors()) {
            ((ServerConnector) connector).close();
        }
    }
}
