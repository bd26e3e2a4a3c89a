package io.github.vciconnector.web.management;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Management API limits, bound from {@code connector.management.*} (the port and API key of the same prefix are
 * read by {@code web.port.ManagementPortProperties}).
 *
 * @param maxBodySize largest request body accepted ({@code CONNECTOR_MANAGEMENT_MAX_BODY_SIZE}); larger ones get 413
 */
@ConfigurationProperties("connector.management")
public record ManagementApiProperties(@DefaultValue("64KB") DataSize maxBodySize) {

    public ManagementApiProperties {
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("connector.management.max-body-size must be between 1KB and 16MB");
        }
    }
}
