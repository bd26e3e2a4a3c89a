package io.github.vciconnector.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;

/**
 * Command-line demo wallet: {@code DemoWallet <credential_offer_uri> [--tx-code CODE] [--batch N]
 * [--truststore CA.pem] [--wallet-provider-cert CA.pem --wallet-provider-key CA.key [--attestation-proof]]}, or,
 * wallet-initiated, {@code DemoWallet --issuer URL --configuration ID [--scope] ...}. An offer with the authorization
 * code grant, or {@code --issuer}, runs the authorization code flow: the login page is printed and the browser's
 * return caught on a loopback address ({@code --redirect-port}), or with {@code --follow-login} the wallet follows a
 * scripted backend's redirects itself. With a wallet-provider CA it behaves like the EUDI wallet (wallet attestation,
 * key attestation); without one it sends plain proofs, which only a connector with relaxed HAIP checks accepts.
 * Exits 1 on failure.
 */
public final class DemoWallet {

    private static final String USAGE = "usage: DemoWallet <credential_offer_uri> | --issuer URL --configuration ID [--scope]"
            + " [--tx-code CODE] [--batch N] [--follow-login | --redirect-port N]"
            + " [--truststore CA.pem] [--wallet-provider-cert CA.pem --wallet-provider-key CA.key [--attestation-proof]]";
    private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(5);

    private DemoWallet() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the demo and returns the process exit status: 0 success, 1 issuance failed, 2 bad arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String offer = null;
        String issuer = null;
        String configuration = null;
        boolean byScope = false;
        boolean followLogin = false;
        int redirectPort = 0;
        String txCode = null;
        int batch = 1;
        Path truststore = null;
        Path providerCert = null;
        Path providerKey = null;
        boolean attestationProof = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tx-code" -> txCode = args[++i];
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    case "--truststore" -> truststore = Path.of(args[++i]);
                    case "--wallet-provider-cert" -> providerCert = Path.of(args[++i]);
                    case "--wallet-provider-key" -> providerKey = Path.of(args[++i]);
                    case "--attestation-proof" -> attestationProof = true;
                    case "--issuer" -> issuer = args[++i];
                    case "--configuration" -> configuration = args[++i];
                    case "--scope" -> byScope = true;
                    case "--follow-login" -> followLogin = true;
                    case "--redirect-port" -> redirectPort = Integer.parseInt(args[++i]);
                    default -> {
                        if (offer != null || args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        offer = args[i];
                    }
                }
            }
            if ((offer == null) == (issuer == null) || batch < 1) {
                throw new IllegalArgumentException("an offer URI or --issuer (not both), and a positive --batch, are required");
            }
            if ((issuer == null) != (configuration == null)) {
                throw new IllegalArgumentException("--issuer and --configuration go together");
            }
            if ((providerCert == null) != (providerKey == null) || attestationProof && providerCert == null) {
                throw new IllegalArgumentException("--wallet-provider-cert and --wallet-provider-key go together"
                        + " (and --attestation-proof needs them)");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            err.println(USAGE);
            err.println(e instanceof ArrayIndexOutOfBoundsException ? "missing option value" : e.getMessage());
            return 2;
        }
        try {
            WalletOptions options = WalletOptions.defaults().withTrace(line -> out.println("-> " + line));
            if (providerCert != null) {
                options = eudiMode(options, WalletProvider.fromPem(providerCert, providerKey, options.clock()), attestationProof);
                out.println("-> EUDI mode: wallet attestation and key attestation from " + providerCert.getFileName());
            }
            WalletClient wallet = new WalletClient(httpClient(truststore), options);
            CredentialOffer resolved = offer == null ? null : wallet.resolveOffer(offer);
            IssuanceResult result;
            if (resolved != null && !resolved.authorizationCodeGrant()) {
                result = wallet.receive(resolved, txCode, batch);
            } else {
                IssuerMetadata metadata = wallet.fetchMetadata(resolved == null ? issuer : resolved.credentialIssuer());
                var flow = new AuthorizationCodeFlow(wallet);
                if (followLogin) {
                    result = flow.receive(metadata, resolved, configuration, byScope, LoginSteps.FOLLOWED_REDIRECT_URI,
                            LoginSteps.follow(wallet.http(), LoginSteps.FOLLOWED_REDIRECT_URI), batch);
                } else {
                    try (var loopback = new LoginSteps.Loopback(redirectPort)) {
                        result = flow.receive(metadata, resolved, configuration, byScope, loopback.redirectUri(),
                                loopback.step(out, LOGIN_TIMEOUT), batch);
                    }
                }
            }
            print(result, out);
            return 0;
        } catch (WalletException | IOException | GeneralSecurityException | JOSEException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    /** Wallet attestation (draft-07 shape, EUDI-9) and key-attested proofs (EUDI-5) from the given provider. */
    static WalletOptions eudiMode(WalletOptions options, WalletProvider provider, boolean attestationProof) {
        AttestedKeyProofs proofs = provider.keyProofs(options.clientId());
        return options.withClientAttestation(provider.clientAttestation(options.clientId(), true))
                .withKeyProofs(attestationProof ? proofs.withAttestationProofType() : proofs);
    }

    private static void print(IssuanceResult result, PrintStream out) throws JOSEException {
        for (int i = 0; i < result.credentials().size(); i++) {
            SdJwtView view = SdJwtView.verify(result.credentials().get(i));
            out.println();
            out.println("=== credential " + (i + 1) + " of " + result.credentials().size()
                    + " (issuer signature valid, x5c subject "
                    + view.certificateChain().get(0).getSubjectX500Principal().getName() + ")");
            out.println("header: " + PrettyJson.format(view.header()));
            out.println("payload: " + PrettyJson.format(view.payload()));
            out.println("disclosed claims: " + PrettyJson.format(view.disclosedClaims()));
            ECKey cnf = view.cnfJwk();
            ECKey holder = result.holderKeys().get(i);
            boolean bound = cnf != null && cnf.computeThumbprint().equals(holder.computeThumbprint());
            out.println("cnf.jwk matches holder key " + (i + 1) + ": " + (bound ? "yes" : "NO"));
        }
        if (result.notificationId() != null) {
            out.println("notification_id: " + result.notificationId());
        }
    }

    /** A JDK client; with a truststore it trusts only the CA certificates of that PEM file. */
    static HttpClient httpClient(Path truststorePem) throws IOException, GeneralSecurityException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (truststorePem != null) {
            builder.sslContext(sslContext(truststorePem));
        }
        return builder.build();
    }

    static SSLContext sslContext(Path pem) throws IOException, GeneralSecurityException {
        List<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + pem);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
            trust.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
