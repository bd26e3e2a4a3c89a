package io.github.vciconnector.config;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a refused setting into one readable startup message instead of a wall of stack trace. Our own checks
 * throw with a message that names the environment variable; this finds the deepest such message.
 */
public class ConfigurationFailureAnalyzer implements FailureAnalyzer {

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
        return new FailureAnalysis("The connector configuration is invalid: " + message,
                "Fix the setting named above (see README.md, section Configuration) and start again.", failure);
    }
}
