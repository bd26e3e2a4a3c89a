package io.github.vciconnector.web.port;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Issue 11 point 4: the arrival port is decided from the socket, once, and read by everyone else. */
class ArrivalPortTest {

    private static final int MANAGEMENT_PORT = 8081;
    private final ArrivalPort arrival = new ArrivalPort(() -> MANAGEMENT_PORT);

    @Test
    void requestWhenHostHeaderNamesOtherPortThenSocketDecides() {
        var request = request(8080);
        request.setServerPort(MANAGEMENT_PORT); // what the client's Host header claims
        request.addHeader("Host", "localhost:" + MANAGEMENT_PORT);
        assertThat(arrival.store(request)).isEqualTo(Port.PUBLIC);
        assertThat(Port.of(request)).isEqualTo(Port.PUBLIC);

        var management = request(MANAGEMENT_PORT);
        management.setServerPort(8080);
        assertThat(arrival.store(management)).isEqualTo(Port.MANAGEMENT);
        assertThat(Port.of(management)).isEqualTo(Port.MANAGEMENT);
    }

    @Test
    void requestWhenPortNotStoredThenAccessorRefusesAndValveDecidesFromSocket() {
        var request = request(MANAGEMENT_PORT);
        assertThatIllegalStateException().isThrownBy(() -> Port.of(request));
        assertThat(arrival.of(request)).isEqualTo(Port.MANAGEMENT);
        assertThat(arrival.of(request(8080))).isEqualTo(Port.PUBLIC);
    }

    private static MockHttpServletRequest request(int localPort) {
        var request = new MockHttpServletRequest("GET", "/");
        request.setLocalPort(localPort);
        return request;
    }
}
