package io.github.vciconnector.config;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of the connector's own background work (callbacks, sweepers, refreshes): named for thread dumps and
 * daemons, so that none of them keeps a JVM alive whose context has gone.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads that all carry {@code name}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
