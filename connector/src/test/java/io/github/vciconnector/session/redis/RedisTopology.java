package io.github.vciconnector.session.redis;

import io.lettuce.core.cluster.ClusterClientOptions;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The three Redis topologies the store runs on (issue 15), as {@code .ci/run} starts them on localhost: one server
 * (6379), a Sentinel setup (master 6390, replica 6391, sentinels 26390-26392, master name {@value #SENTINEL_MASTER})
 * and a Redis Cluster (masters and replicas on 7000-7005). A topology that does not answer skips its tests with a
 * loud message, or fails them on CI ({@code CI=true}).
 */
public enum RedisTopology {

    STANDALONE(List.of(LocalRedis.PORT)),
    SENTINEL(List.of(26390, 26391, 26392)),
    CLUSTER(IntStream.rangeClosed(7000, 7005).boxed().toList());

    public static final String SENTINEL_MASTER = "vcc-master";

    private final List<Integer> ports;

    RedisTopology(List<Integer> ports) {
        this.ports = ports;
    }

    /** The nodes a client is configured with, {@code localhost:port,...}. */
    public String nodes() {
        // The address the nodes announce (they bind 127.0.0.1 only), so "localhost" never tries ::1 first
        return String.join(",", ports.stream().map(port -> "127.0.0.1:" + port).toList());
    }

    /** Skips (or on CI fails) the calling test class when the topology's first node does not answer PING. */
    public void require(String testClass) {
        if (LocalRedis.answersPing(ports.get(0))) return;
        String message = "NO REDIS " + name() + " on " + nodes() + ": " + testClass + " needs it. Run .ci/run, which starts it.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(message + " CI=true, so this fails instead of skipping.");
        System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPED: " + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }

    /** A started connection factory with the timeouts of application.yml and the cluster refresh of the connector. */
    public LettuceConnectionFactory connectionFactory() {
        return connectionFactory(configuration());
    }

    static LettuceConnectionFactory connectionFactory(RedisConfiguration configuration) {
        var refresh = RedisSessionStoreConfiguration.CLUSTER_REFRESH;
        var client = LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2))
                .clientOptions(ClusterClientOptions.builder().topologyRefreshOptions(refresh).build()).build();
        var factory = new LettuceConnectionFactory(configuration, client);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private RedisConfiguration configuration() {
        return switch (this) {
            case STANDALONE -> new RedisStandaloneConfiguration(LocalRedis.HOST, LocalRedis.PORT);
            case SENTINEL -> new RedisSentinelConfiguration(SENTINEL_MASTER, java.util.Set.of(nodes().split(",")));
            case CLUSTER -> new RedisClusterConfiguration(List.of(nodes().split(",")));
        };
    }
}
