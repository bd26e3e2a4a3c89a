package io.github.vciconnector.keys;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.vciconnector.demo.SignedJwtBuilder;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.zip.Deflater;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Status List Tokens signed here (draft-ietf-oauth-status-list), served by a real HTTPS WireMock whose certificate a
 * test TLS CA issued: what attestation status checks are tested against.
 */
public final class TestStatusLists {

    public static final TestPki.Issued TLS_CA = TestPki.ca("Status List TLS CA");

    private TestStatusLists() {
    }

    /**
     * A one-bit list of {@code size} entries, the given indices set to the given status, signed by {@code signer}
     * (its certificate alone in x5c).
     */
    public static SignedJwtBuilder token(TestPki.Issued signer, String uri, int size, Map<Integer, Integer> statuses, Duration ttl) {
        byte[] bits = new byte[(size + 7) / 8];
        statuses.forEach((index, status) -> {
            if (status != 0) bits[index / 8] |= (byte) (1 << (index % 8));
        });
        Instant now = Instant.now();
        return new SignedJwtBuilder(TestChains.signingKey(signer))
                .header("typ", "statuslist+jwt")
                .header("x5c", TestChains.x5c(signer.certificate()))
                .claim("sub", uri)
                .claim("iat", now.getEpochSecond())
                .claim("exp", now.plus(Duration.ofHours(1)).getEpochSecond())
                .claim("ttl", ttl.getSeconds())
                .claim("status_list", Map.of("bits", 1, "lst", Base64.getUrlEncoder().withoutPadding().encodeToString(zlib(bits))));
    }

    /** A WireMock that answers only https, with a certificate for localhost issued by {@link #TLS_CA}; started. */
    public static WireMockServer httpsServer() {
        try {
            var server = TestPki.localhostServer(TLS_CA);
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", server.keys().getPrivate(), "secret".toCharArray(), new Certificate[]{server.certificate(), TLS_CA.certificate()});
            Path file = Files.createTempFile("status-list-tls", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, "secret".toCharArray());
            }
            var wiremock = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().keystorePath(file.toString())
                    .keystoreType("PKCS12").keystorePassword("secret").keyManagerPassword("secret"));
            wiremock.start();
            return wiremock;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTPS status list server", e);
        }
    }

    /** A TLS context that trusts {@link #TLS_CA} only. */
    public static SSLContext clientContext() {
        try {
            var trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("tls-ca", TLS_CA.certificate());
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            var context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zlib(byte[] input) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(input);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        return out.toByteArray();
    }
}
