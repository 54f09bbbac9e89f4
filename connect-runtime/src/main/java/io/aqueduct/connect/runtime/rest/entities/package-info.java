/**
 * Immutable request and response bodies of the REST API. JSON field names and their order follow the Apache Kafka
 * Connect REST API, so existing clients can parse them; the herder produces these objects and the REST resources
 * hand them out unchanged.
 */
package io.aqueduct.connect.runtime.rest.entities;
