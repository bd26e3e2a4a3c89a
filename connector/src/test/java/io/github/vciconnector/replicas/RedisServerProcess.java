package io.github.vciconnector.replicas;

import io.github.vciconnector.session.redis.LocalRedis;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * A throw-away {@code redis-server} of a test on its own port, without persistence, that the test can stop,
 * restart, freeze ({@code SIGSTOP}: connections stay open, commands time out) and thaw.
 */
final class RedisServerProcess implements AutoCloseable {

    private final int port;
    private final java.util.List<String> command;
    private Process process;

    RedisServerProcess(int port) {
        this(port, java.util.List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
    }

    /** A server started by {@code command} (a cluster node, a replica, a sentinel) that answers on {@code port}. */
    RedisServerProcess(int port, java.util.List<String> command) {
        this.port = port;
        this.command = java.util.List.copyOf(command);
    }

    int port() {
        return port;
    }

    /** Skips (on CI fails) the calling test when redis-server is not installed. */
    static void requireInstalled(String testClass) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "redis-server").canExecute()) return;
        }
        String message = "NO redis-server on PATH: " + testClass + " starts and kills its own Redis. Install redis-server or run .ci/run.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(message + " CI=true, so this fails instead of skipping.");
        System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPED: " + message + "\n" + "!".repeat(100) + "\n");
        Assumptions.abort(message);
    }

    void start() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server", e);
        }
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!LocalRedis.answersPing(port)) {
            if (Instant.now().isAfter(deadline)) throw new IllegalStateException("redis-server did not answer on port " + port);
            pause(50);
        }
    }

    void stop() {
        if (process == null) return;
        signal("-CONT"); // a frozen server cannot act on SIGTERM
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGKILL, as a crashed machine: no shutdown, nothing flushed. */
    void kill() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    void freeze() {
        signal("-STOP");
    }

    void thaw() {
        signal("-CONT");
    }

    @Override
    public void close() {
        stop();
    }

    private void signal(String signal) {
        try {
            new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not signal redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one command on this server as the default user (redis-cli); returns its output. */
    String command(String... args) {
        var command = new java.util.ArrayList<>(java.util.List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(java.util.List.of(args));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (cli.waitFor() != 0) throw new IllegalStateException("redis-cli failed: " + output);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run redis-cli", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
