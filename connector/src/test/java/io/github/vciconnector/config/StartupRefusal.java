package io.github.vciconnector.config;

import io.github.vciconnector.support.ConnectorIntegrationTest;
import io.github.vciconnector.support.TestConnectors;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.HashMap;
import java.util.Map;

/** Starts the whole connector (dev profile) with extra settings and returns the one line an operator would read. */
public final class StartupRefusal {

    private StartupRefusal() {
    }

    /** The failure analysis description; fails the test if the connector starts. */
    public static String of(Map<String, Object> settings) {
        var properties = new HashMap<String, Object>(settings);
        int port = ConnectorIntegrationTest.freePort();
        properties.put("server.port", port);
        properties.put("connector.public-base-url", "http://localhost:" + port);
        properties.put("connector.management.port", 0);
        try (var context = TestConnectors.withArguments(properties, "dev")) {
            throw new AssertionError("the connector started with " + settings.keySet());
        } catch (RuntimeException e) {
            FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(e);
            if (analysis == null) throw new AssertionError("no readable refusal for " + e, e);
            return analysis.getDescription();
        }
    }
}
