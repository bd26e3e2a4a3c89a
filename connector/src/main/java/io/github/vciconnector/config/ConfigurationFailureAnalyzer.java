package io.github.vciconnector.config;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a refused setting into one readable startup message instead of a wall of stack trace. Our own checks
 * throw with a message that names the environment variable; this finds the deepest such message and points at the
 * README section that shows a complete, working set of variables.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer {

    static final String README_POINTER = "see README.md, section 'Coming from the guide'";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("CONNECTOR_")
                    && t instanceof RuntimeException) {
                message = t.getMessage();
            }
        }
        if (message == null) return null;
        return new FailureAnalysis("The connector configuration is invalid: " + message + " (" + README_POINTER + ")",
                "Set the variable named above and start again; docs/configuration.md lists every setting.", failure);
    }
}
