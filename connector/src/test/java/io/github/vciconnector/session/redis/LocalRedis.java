package io.github.vciconnector.session.redis;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The real Redis of DESIGN §8 on localhost:6379. Without one, Redis tests are skipped with a loud message,
 * except on CI ({@code CI=true}), where a missing Redis fails the build instead of silently skipping.
 */
public final class LocalRedis {

    public static final String HOST = "localhost";
    public static final int PORT = 6379;

    private LocalRedis() {
    }

    /** Skips (or on CI fails) the calling test class when nothing answers PING on localhost:6379. */
    public static void require(String testClass) {
        if (answersPing(PORT)) return;
        String message = "NO REDIS on " + HOST + ":" + PORT + ": " + testClass + " needs a real Redis server. "
                + "Start one (redis-server --port 6379 --save '' --appendonly no) or run .ci/run.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(message + " CI=true, so this fails instead of skipping.");
        System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPED: " + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }

    /** True when a Redis server answers {@code PING} on localhost at {@code port}. */
    public static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** A started Lettuce connection factory with the short timeouts of application.yml. */
    public static LettuceConnectionFactory connectionFactory(int port) {
        var client = LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build();
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, port), client);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    public static StringRedisTemplate template(LettuceConnectionFactory factory) {
        var template = new StringRedisTemplate(factory);
        template.afterPropertiesSet();
        return template;
    }

    /** A key prefix of its own for one test run, so runs never see each other's keys. */
    public static String uniquePrefix() {
        return "vcc-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    /** Deletes every key under {@code prefix}. */
    public static void deleteKeys(StringRedisTemplate redis, String prefix) {
        var keys = redis.keys(prefix + "*");
        if (keys != null && !keys.isEmpty()) redis.delete(keys);
    }
}
