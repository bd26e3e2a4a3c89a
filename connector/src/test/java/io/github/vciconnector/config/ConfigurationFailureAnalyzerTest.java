package io.github.vciconnector.config;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every startup refusal is one line that says what to set and where a complete working setup is shown (issue 10). */
class ConfigurationFailureAnalyzerTest {

    private final ConfigurationFailureAnalyzer analyzer = new ConfigurationFailureAnalyzer();

    @Test
    void analyzeWhenPublicBaseUrlMissingThenOneLineNamingTheVariableAndTheReadmeSection() {
        Throwable refusal = catchThrowable(() -> new ConnectorProperties((URI) null));
        var failure = new BeanCreationException("connectorProperties", "could not bind", refusal);

        var analysis = analyzer.analyze(failure);

        assertThat(analysis.getDescription()).doesNotContain("\n")
                .contains("CONNECTOR_PUBLIC_BASE_URL (connector.public-base-url) is not set: set it to the URL wallets reach")
                .endsWith("(see README.md, section 'Coming from the guide')");
        assertThat(analysis.getAction()).contains("docs/configuration.md");
    }

    @Test
    void analyzeWhenFailureIsNotOneOfOursThenLeftToSpring() {
        assertThat(analyzer.analyze(new IllegalStateException("port 8080 in use"))).isNull();
    }
}
