package io.github.vciconnector.webhook;

import io.github.vciconnector.config.SettingsReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether callbacks are signed (issue 17, L-6). A callback URL without {@code CONNECTOR_CALLBACK_SECRET} sends
 * unsigned events that a receiver cannot tell from forgeries, so that is logged as a warning once at startup and
 * shown as {@code callbacks} in health (with details shown) and in {@code /actuator/info}; health stays UP.
 * The URL itself is not shown: it may carry credentials.
 */
final class CallbackSigningStatus extends SettingsReport {

    static final String WARNING = "CONNECTOR_CALLBACK_URL is set without CONNECTOR_CALLBACK_SECRET: callbacks are unsigned";

    private static final Logger log = LoggerFactory.getLogger(CallbackSigningStatus.class);

    private final boolean unsigned;

    CallbackSigningStatus(CallbackProperties properties) {
        super("callbacks", details(properties));
        this.unsigned = properties.unsigned();
    }

    private static Map<String, Object> details(CallbackProperties properties) {
        var map = new LinkedHashMap<String, Object>();
        map.put("enabled", properties.url() != null);
        map.put("signed", properties.url() != null && properties.secret() != null);
        if (properties.unsigned()) map.put("warning", WARNING);
        return map;
    }

    /** Logs the warning when callbacks go out unsigned; called once when the bean is created. */
    CallbackSigningStatus logged() {
        if (unsigned) {
            log.warn("SECURITY: {}; receivers cannot tell them from forged ones. Set a secret of 32+ characters"
                    + " (see docs/callbacks.md)", WARNING);
        }
        return this;
    }

}
