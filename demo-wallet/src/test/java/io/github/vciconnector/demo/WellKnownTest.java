package io.github.vciconnector.demo;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WellKnownTest {

    @Test
    void credentialIssuerMetadataWhenIdentifierHasNoPathThenSuffixIsThePath() {
        assertThat(WellKnown.credentialIssuerMetadata("https://issuer.example.com"))
                .isEqualTo(URI.create("https://issuer.example.com/.well-known/openid-credential-issuer"));
    }

    @Test
    void credentialIssuerMetadataWhenIdentifierHasPathThenSuffixGoesBetweenHostAndPath() {
        assertThat(WellKnown.credentialIssuerMetadata("https://issuer.example.com:8443/tenant/a"))
                .isEqualTo(URI.create("https://issuer.example.com:8443/.well-known/openid-credential-issuer/tenant/a"));
    }

    @Test
    void authorizationServerMetadataWhenIdentifierHasPathThenSuffixGoesBetweenHostAndPath() {
        assertThat(WellKnown.authorizationServerMetadata("https://as.example.com/tenant"))
                .isEqualTo(URI.create("https://as.example.com/.well-known/oauth-authorization-server/tenant"));
    }

    @Test
    void insertWhenTrailingSlashThenDropped() {
        assertThat(WellKnown.authorizationServerMetadata("https://as.example.com/"))
                .isEqualTo(URI.create("https://as.example.com/.well-known/oauth-authorization-server"));
    }

    @Test
    void insertWhenIdentifierHasQueryThenRejected() {
        assertThatThrownBy(() -> WellKnown.credentialIssuerMetadata("https://issuer.example.com/?tenant=a"))
                .isInstanceOf(WalletException.class).hasMessageContaining("query or fragment");
    }

    @Test
    void insertWhenIdentifierIsRelativeThenRejected() {
        assertThatThrownBy(() -> WellKnown.credentialIssuerMetadata("/tenant"))
                .isInstanceOf(WalletException.class).hasMessageContaining("absolute");
    }
}
