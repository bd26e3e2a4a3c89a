package io.github.vciconnector.web.management;

import jakarta.servlet.http.HttpServletRequest;

/** The health routes orchestrator probes call: open without the API key and whatever the Host header says. */
final class HealthProbes {

    private HealthProbes() {
    }

    static boolean isHealth(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.equals("/actuator/health") || uri.startsWith("/actuator/health/");
    }
}
