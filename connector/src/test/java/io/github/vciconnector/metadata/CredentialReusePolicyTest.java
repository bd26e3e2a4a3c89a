package io.github.vciconnector.metadata;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ETSI TS 119 472-3 §4.2.4.2: only a policy an EUDI wallet would accept is published; each refusal says why. */
class CredentialReusePolicyTest {

    @Test
    void toJSONObjectWhenOnceOnlyThenIdAndOneOptionWithSecondsForTheLifetime() {
        var policy = new CredentialReusePolicy("arf_annex_ii", List.of("once_only", "per-relying-party"), 10, 2, Duration.ofDays(7));

        assertThat(policy.toJSONObject()).isEqualTo(java.util.Map.of("id", "arf_annex_ii", "options", List.of(java.util.Map.of(
                "details", List.of("once_only", "per-relying-party"), "batch_size", 10, "reissue_trigger_unused", 2,
                "reissue_trigger_lifetime_left", 604800L))));
    }

    @Test
    void newWhenLimitedTimeAloneThenNoBatchNeeded() {
        var policy = new CredentialReusePolicy("arf_annex_ii", List.of("limited_time"), null, null, Duration.ofDays(1));

        assertThat(policy.toJSONObject().toString()).doesNotContain("batch_size");
    }

    @Test
    void newWhenBothOrNeitherOfOnceOnlyAndLimitedTimeThenRefused() {
        String message = "reuse policy details must hold exactly one of once_only and limited_time";
        assertThatThrownBy(() -> new CredentialReusePolicy("p", List.of("once_only", "limited_time"), 10, 2, Duration.ofDays(1))).hasMessage(message);
        assertThatThrownBy(() -> new CredentialReusePolicy("p", List.of("per-relying-party"), 10, 2, Duration.ofDays(1))).hasMessage(message);
    }

    @Test
    void newWhenOnceOnlyTriggerNotBelowBatchSizeThenRefused() {
        assertThatThrownBy(() -> new CredentialReusePolicy("p", List.of("once_only"), 3, 3, null))
                .hasMessage("reuse policy reissue-trigger-unused must be set, at least 0 and below batch-size");
    }

    @Test
    void newWhenPerRelyingPartyWithoutLifetimeLeftThenRefused() {
        assertThatThrownBy(() -> new CredentialReusePolicy("p", List.of("once_only", "per-relying-party"), 3, 1, null))
                .hasMessage("reuse policy reissue-trigger-lifetime-left must be set and at least 1s");
    }

    @Test
    void issuerMetadataWhenPolicyBatchLargerThanTheConnectorsBatchSizeThenStartupRefused() {
        var policy = new CredentialReusePolicy("arf_annex_ii", List.of("once_only"), 20, 2, null);
        var configurations = new CredentialConfigurations(List.of(new CredentialConfiguration("IdentityCredential", "identity_credential",
                TypeMetadata.parse(CredentialConfigurationsLoaderTest.DOCUMENT.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Duration.ofDays(30), policy)));

        assertThatThrownBy(() -> CredentialIssuerMetadata.of(new io.github.vciconnector.config.ConnectorProperties(
                java.net.URI.create("https://issuer.example.com")), configurations, new WalletTrustPolicy(true, true, 10)))
                .hasMessage("credential configuration IdentityCredential: reuse policy batch-size 20 exceeds CONNECTOR_ISSUANCE_BATCH_SIZE 10");
    }

    @Test
    void newWhenUnknownMethodThenRefused() {
        assertThatThrownBy(() -> new CredentialReusePolicy("p", List.of("once-only"), 3, 1, null))
                .hasMessageStartingWith("reuse policy details must be among");
    }
}
