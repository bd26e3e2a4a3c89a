package io.github.vciconnector.status;

import io.github.vciconnector.config.ConnectorProperties;
import io.github.vciconnector.config.WalletProtocol;

import java.net.URI;

/** The URI of a status list: the public base URL + {@code /oidc4vci/status-lists/{id}}, as credentials carry it (TSL-1) and the token's {@code sub} repeats it (TSL-2). */
public final class StatusListUris {

    private final ConnectorProperties connector;

    public StatusListUris(ConnectorProperties connector) {
        this.connector = connector;
    }

    public URI uri(String listId) {
        return connector.endpoint(WalletProtocol.STATUS_LISTS_PATH + listId);
    }
}
