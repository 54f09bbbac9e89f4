package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.rest.entities.ConfigInfos;
import io.aqueduct.connect.runtime.rest.entities.ConfigKeyInfo;
import io.aqueduct.connect.runtime.rest.entities.PluginInfo;
import io.aqueduct.connect.runtime.rest.errors.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** {@code /connector-plugins}: installed plugins, their config definitions, config validation. */
@Path("/connector-plugins")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class ConnectorPluginsResource {

    private static final String CONNECTOR_CLASS_CONFIG = "connector.class";
    private static final String CONNECTOR_SUFFIX = "Connector";

    private final HerderAccess access;

    @Inject
    ConnectorPluginsResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public List<PluginInfo> listPlugins(@QueryParam("connectorsOnly") @DefaultValue("true") boolean connectorsOnly) {
        return access.herder().connectorPlugins(connectorsOnly);
    }

    @GET
    @Path("/{plugin}/config")
    public List<ConfigKeyInfo> getPluginConfig(@PathParam("plugin") String plugin,
                                               @QueryParam("version") String version) {
        return access.herder().connectorPluginConfig(plugin, version);
    }

    @PUT
    @Path("/{plugin}/config/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigInfos validateConfig(@PathParam("plugin") String plugin, byte[] body) {
        Map<String, String> config = RequestBodies.configToValidate(body);
        String included = config.get(CONNECTOR_CLASS_CONFIG);
        if (included == null || included.isBlank()) {
            throw new BadRequestException("The config to validate has no '" + CONNECTOR_CLASS_CONFIG + "'; add "
                    + "\"" + CONNECTOR_CLASS_CONFIG + "\": \"" + plugin + "\" to the request body");
        }
        // The body may name the class fully where the path uses an alias, not the other way round.
        if (!withoutSuffix(included).endsWith(withoutSuffix(plugin))) {
            throw new BadRequestException("Included connector type " + included + " does not match request type "
                    + plugin);
        }
        return access.await(access.herder().validateConnectorConfig(config),
                "validate a config for connector plugin '" + plugin + "'");
    }

    private static String withoutSuffix(String pluginName) {
        return pluginName.endsWith(CONNECTOR_SUFFIX) && pluginName.length() > CONNECTOR_SUFFIX.length()
                ? pluginName.substring(0, pluginName.length() - CONNECTOR_SUFFIX.length())
                : pluginName;
    }
}
