package io.github.vciconnector.sdjwt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SelectiveDisclosureTest {

    @Test
    void fromWireWhenTypeMetadataValueThenConstant() {
        // TM-4: sd is one of always, allowed, never
        assertThat(SelectiveDisclosure.fromWire("always")).isEqualTo(SelectiveDisclosure.ALWAYS);
        assertThat(SelectiveDisclosure.fromWire("allowed")).isEqualTo(SelectiveDisclosure.ALLOWED);
        assertThat(SelectiveDisclosure.fromWire("never")).isEqualTo(SelectiveDisclosure.NEVER);
    }

    @Test
    void fromWireWhenUnknownOrWrongCaseThenIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> SelectiveDisclosure.fromWire("ALWAYS"));
        assertThatIllegalArgumentException().isThrownBy(() -> SelectiveDisclosure.fromWire("sometimes"));
        assertThatIllegalArgumentException().isThrownBy(() -> SelectiveDisclosure.fromWire(null));
    }

    @Test
    void disclosableWhenAlwaysOrAllowedThenTrueAndNeverFalse() {
        // TM-5: never means plaintext; allowed is issued as a Disclosure by this connector
        assertThat(SelectiveDisclosure.ALWAYS.disclosable()).isTrue();
        assertThat(SelectiveDisclosure.ALLOWED.disclosable()).isTrue();
        assertThat(SelectiveDisclosure.NEVER.disclosable()).isFalse();
        assertThat(SelectiveDisclosure.DEFAULT.wireValue()).isEqualTo("allowed");
    }
}
