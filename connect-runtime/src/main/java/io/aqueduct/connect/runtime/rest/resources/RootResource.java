package io.aqueduct.connect.runtime.rest.resources;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.aqueduct.connect.runtime.rest.entities.ServerInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * {@code GET /}. Reports the Kafka client library's version and commit, as Apache Kafka Connect does, because
 * clients use it to decide which REST features they may call. Answers as soon as the Kafka cluster id is known,
 * without waiting for the herder to be ready (e.g. to join the worker group), as the reference does.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class RootResource {

    private final HerderAccess access;

    @Inject
    RootResource(HerderAccess access) {
        this.access = access;
    }

    @GET
    public ServerInfo serverInfo() {
        return new ServerInfo(AppInfoParser.getVersion(), AppInfoParser.getCommitId(),
                access.kafkaClusterId());
    }
}
