package io.github.vciconnector.replicas;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.vciconnector.session.redis.LocalRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, failover: a Redis master is killed (SIGKILL) during a burst of flows, once on Sentinel and once on a
 * Redis Cluster, each a topology of the test's own (Sentinel: master 6393, replica 6394, sentinels 26393-26395;
 * Cluster: masters 7006-7008, replicas 7009 and 7010 of the first two). {@link FailoverBurst} checks the rest: only
 * 503 with Retry-After while the replica is promoted, then flows succeed without a restart, and every offer gets
 * exactly its callbacks. The count of refusals in the window is printed.
 */
class RedisFailoverTest {

    private static final String HOOK = "/hook";
    @TempDir
    Path dir;
    private final List<RedisServerProcess> servers = new ArrayList<>();
    private final WireMockServer receiver = new WireMockServer(options().dynamicPort());
    private ConnectorInstance connector;

    @BeforeEach
    void start() {
        RedisServerProcess.requireInstalled(RedisFailoverTest.class.getSimpleName());
        receiver.start();
        receiver.stubFor(post(HOOK).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        if (connector != null) connector.close();
        servers.forEach(RedisServerProcess::kill);
        receiver.stop();
    }

    @Test
    void sentinelWhenMasterKilledDuringFlowsThenReplicaPromotedAndFlowsComplete() throws Exception {
        var master = server(6393, node(6393));
        var replica = new ArrayList<>(node(6394));
        replica.addAll(List.of("--replicaof", "127.0.0.1", "6393"));
        server(6394, replica);
        for (int port = 26393; port <= 26395; port++) {
            Path conf = dir.resolve("sentinel-" + port + ".conf");
            Files.writeString(conf, "port " + port + "\nbind 127.0.0.1\ndir " + dir + "\n"
                    + "sentinel monitor vcc-failover 127.0.0.1 6393 2\n"
                    + "sentinel down-after-milliseconds vcc-failover 1000\nsentinel failover-timeout vcc-failover 5000\n");
            server(port, List.of("redis-server", conf.toString(), "--sentinel"));
        }
        await("the sentinels see the replica", () -> servers.get(2).command("SENTINEL", "REPLICAS", "vcc-failover").contains("6394")
                && servers.get(1).command("INFO", "replication").contains("master_link_status:up"));

        var settings = settings();
        settings.put("spring.data.redis.sentinel.master", "vcc-failover");
        settings.put("spring.data.redis.sentinel.nodes", "127.0.0.1:26393,127.0.0.1:26394,127.0.0.1:26395");
        burst(settings, master::kill, "Sentinel", true);
    }

    @Test
    void clusterWhenMasterKilledDuringFlowsThenReplicaPromotedAndFlowsComplete() throws Exception {
        for (int port = 7006; port <= 7010; port++) {
            var node = new ArrayList<>(node(port));
            node.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes-" + port + ".conf").toString(),
                    "--cluster-node-timeout", "1000"));
            server(port, node);
        }
        cli("--cluster", "create", "127.0.0.1:7006", "127.0.0.1:7007", "127.0.0.1:7008", "--cluster-replicas", "0", "--cluster-yes");
        for (int[] pair : new int[][]{{7009, 7006}, {7010, 7007}}) {
            RedisServerProcess replica = byPort(pair[0]);
            String masterId = byPort(pair[1]).command("CLUSTER", "MYID");
            replica.command("CLUSTER", "MEET", "127.0.0.1", Integer.toString(pair[1]));
            await("node " + pair[0] + " knows its master", () -> replica.command("CLUSTER", "NODES").contains(masterId));
            replica.command("CLUSTER", "REPLICATE", masterId);
        }
        await("the cluster is whole, replicas in sync", () -> servers.stream().allMatch(s -> s.command("CLUSTER", "INFO").contains("cluster_state:ok"))
                && byPort(7009).command("INFO", "replication").contains("master_link_status:up")
                && byPort(7010).command("INFO", "replication").contains("master_link_status:up"));

        var settings = settings();
        settings.put("spring.data.redis.cluster.nodes", "127.0.0.1:7006,127.0.0.1:7007,127.0.0.1:7008,127.0.0.1:7009,127.0.0.1:7010");
        // Health asks any node for CLUSTER INFO: it may well answer UP from a survivor during the promotion
        burst(settings, byPort(7006)::kill, "Redis Cluster", false);
        // SPRING_DATA_REDIS_CLUSTER_NODES alone gave the cluster layout: sessions under their shard's hash tag
        assertThat(servers.stream().filter(s -> s.port() != 7006)
                .map(s -> s.command("--scan", "--pattern", "vcc-failover:{o*}:session:*")).filter(keys -> !keys.isBlank()))
                .as("tagged session keys on the surviving masters").isNotEmpty();
    }

    private void burst(Map<String, Object> settings, Runnable kill, String topology, boolean healthDownExpected) throws Exception {
        int port = ConnectorInstance.freePort();
        String issuer = "http://localhost:" + port;
        connector = ConnectorInstance.start(port, issuer, settings);
        var burst = new FailoverBurst(connector, issuer);
        burst.run(Duration.ofSeconds(2), kill, Duration.ofSeconds(8), 10, topology, healthDownExpected);
        burst.assertCallbacks(receiver, HOOK, Duration.ofSeconds(30));
    }

    private Map<String, Object> settings() {
        var settings = new HashMap<String, Object>();
        settings.put("connector.session-store", "redis");
        settings.put("connector.redis.key-prefix", "vcc-failover:");
        settings.put("connector.secrets.key", TestMasterSecrets.base64());
        settings.put("connector.callback.url", receiver.baseUrl() + HOOK);
        settings.put("connector.callback.initial-backoff", "200ms");
        settings.put("connector.callback.max-backoff", "1s");
        settings.put("connector.callback.poll-interval", "200ms");
        return settings;
    }

    /** A data node; its directory is the test's, since a replica writes the RDB of its first sync there. */
    private List<String> node(int port) {
        return List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", dir.toString());
    }

    private RedisServerProcess server(int port, List<String> command) {
        if (LocalRedis.answersPing(port)) throw new IllegalStateException("port " + port + " is taken by another Redis; this test starts its own");
        var server = new RedisServerProcess(port, command);
        servers.add(server);
        server.start();
        return server;
    }

    private RedisServerProcess byPort(int port) {
        return servers.stream().filter(s -> s.port() == port).findFirst().orElseThrow();
    }

    private void cli(String... args) {
        var command = new ArrayList<>(List.of("redis-cli"));
        command.addAll(List.of(args));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes());
            if (cli.waitFor() != 0) throw new IllegalStateException("redis-cli failed: " + output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        var deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("timed out waiting until " + what);
            RedisServerProcess.pause(100);
        }
    }
}
