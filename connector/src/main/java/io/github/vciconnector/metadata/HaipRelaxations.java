package io.github.vciconnector.metadata;

import io.github.vciconnector.config.HaipProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The HAIP checks relaxed for development wallets (DESIGN §7a): each one is logged as a warning once at startup
 * and listed under {@code haip} in {@code /actuator/info}, so a relaxed production deployment cannot go unnoticed.
 */
public final class HaipRelaxations implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(HaipRelaxations.class);

    private final HaipProperties haip;
    private final List<String> relaxations;

    public HaipRelaxations(HaipProperties haip) {
        this.haip = haip;
        var list = new ArrayList<String>();
        if (!haip.walletAttestationRequired()) {
            list.add("wallet attestation optional: token requests without OAuth-Client-Attestation are accepted anonymously");
        }
        if (!haip.keyAttestationRequired()) {
            list.add("key attestation optional: plain jwt proofs without key_attestation are accepted");
        }
        this.relaxations = List.copyOf(list);
    }

    /** Logs one WARN per relaxation; called once when the bean is created. */
    public HaipRelaxations logged() {
        if (!haip.walletAttestationRequired()) {
            log.warn("HAIP relaxation: wallet attestation optional (CONNECTOR_HAIP_WALLET_ATTESTATION=optional) - development wallets only");
        }
        if (!haip.keyAttestationRequired()) {
            log.warn("HAIP relaxation: key attestation optional (CONNECTOR_HAIP_KEY_ATTESTATION=optional) - development wallets only");
        }
        return this;
    }

    public List<String> relaxations() {
        return relaxations;
    }

    @Override
    public void contribute(Info.Builder builder) {
        var details = new LinkedHashMap<String, Object>();
        details.put("wallet_attestation", haip.walletAttestation().name().toLowerCase(Locale.ROOT));
        details.put("key_attestation", haip.keyAttestation().name().toLowerCase(Locale.ROOT));
        details.put("relaxations", relaxations);
        builder.withDetail("haip", details);
    }
}
