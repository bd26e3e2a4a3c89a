package io.github.vciconnector.web.management;

import io.github.vciconnector.config.SettingsReport;
import io.github.vciconnector.web.port.ManagementPortProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the management API authenticates its callers (issue 17, M-1). Without {@code CONNECTOR_MANAGEMENT_API_KEY}
 * anyone who reaches the port can have credentials issued, so that is logged as a warning once at startup and shown
 * as {@code managementApi} in health (with details shown) and in {@code /actuator/info}. It never makes health DOWN:
 * the connector works, it is only less protected.
 */
final class ManagementAuthenticationStatus extends SettingsReport {

    static final String WARNING = "CONNECTOR_MANAGEMENT_API_KEY is not set: anyone who reaches the management port can create offers";

    private static final Logger log = LoggerFactory.getLogger(ManagementAuthenticationStatus.class);

    private final boolean apiKeyRequired;

    ManagementAuthenticationStatus(ManagementPortProperties port, ManagementApiProperties api) {
        super("management_api", details(port, api));
        this.apiKeyRequired = port.apiKeyRequired();
    }

    private static Map<String, Object> details(ManagementPortProperties port, ManagementApiProperties api) {
        var map = new LinkedHashMap<String, Object>();
        map.put("api_key", port.apiKeyRequired() ? "required" : "none");
        map.put("tls", port.ssl().enabled() ? "on, client certificates " + port.ssl().clientAuth().name().toLowerCase(Locale.ROOT) : "off");
        map.put("allowed_hosts", api.allowedHosts().isEmpty() ? "any" : api.allowedHosts());
        if (!port.apiKeyRequired()) map.put("warning", WARNING);
        return map;
    }

    /** Logs the warning when no API key is set; called once when the bean is created. */
    ManagementAuthenticationStatus logged() {
        if (!apiKeyRequired) {
            log.warn("SECURITY: {}. Set it (32+ random characters), bind CONNECTOR_MANAGEMENT_ADDRESS to an internal interface,"
                    + " and see docs/deployment.md", WARNING);
        }
        return this;
    }

}
