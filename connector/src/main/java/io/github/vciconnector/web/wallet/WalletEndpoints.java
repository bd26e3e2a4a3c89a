package io.github.vciconnector.web.wallet;

/** Marker for the wallet-facing endpoints package, used to scope error handling to it. */
public final class WalletEndpoints {

    private WalletEndpoints() {
    }
}
