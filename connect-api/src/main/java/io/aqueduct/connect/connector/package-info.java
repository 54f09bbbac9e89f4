/**
 * The pieces shared by source and sink plugins: {@link io.aqueduct.connect.connector.Connector} (the
 * coordinator that splits a job into task configurations), {@link io.aqueduct.connect.connector.Task}
 * (the unit that moves data, one thread each), {@link io.aqueduct.connect.connector.ConnectorContext}
 * (the connector's line back to the runtime) and {@link io.aqueduct.connect.connector.ConnectRecord}
 * (the record shape common to both directions).
 */
package io.aqueduct.connect.connector;
