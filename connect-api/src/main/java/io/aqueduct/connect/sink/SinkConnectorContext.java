package io.aqueduct.connect.sink;

import io.aqueduct.connect.connector.ConnectorContext;

/**
 * The context of a {@link SinkConnector}. It adds nothing to {@link ConnectorContext} yet; it exists so
 * that sink-specific facilities can be added without breaking connectors.
 */
public interface SinkConnectorContext extends ConnectorContext {
}
