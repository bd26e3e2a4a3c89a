package io.github.vciconnector.support;

import io.github.vciconnector.ConnectorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

/**
 * The one way tests start a connector outside {@link ConnectorIntegrationTest}'s cached context: for a test that
 * needs its own instance (a replica, a refused start-up, an operator's environment). Settings come either as
 * command-line arguments ({@code --name=value}, which win over {@code application.yml} as in production) or as
 * environment variables, exactly as an operator sets them.
 */
public final class TestConnectors {

    private TestConnectors() {
    }

    /** Starts the connector with {@code properties} as command-line arguments. */
    public static ConfigurableApplicationContext withArguments(Map<String, ?> properties, String... profiles) {
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ConnectorApplication.class).profiles(profiles).run(arguments);
    }

    /** Starts the connector with {@code variables} as environment variables ({@code CONNECTOR_...}). */
    public static ConfigurableApplicationContext withEnvironment(Map<String, Object> variables, String... profiles) {
        return new SpringApplicationBuilder(ConnectorApplication.class).profiles(profiles)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        // Spring maps variable names only for sources named systemEnvironment or *-systemEnvironment.
                        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables)))
                .run();
    }
}
