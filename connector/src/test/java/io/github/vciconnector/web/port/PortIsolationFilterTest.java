package io.github.vciconnector.web.port;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first filter without a server (DESIGN §2; L-1, L-2): mock servlet objects, and a route table read by the real
 * {@link PortRoutes} from a handler mapping that holds one wallet and one management controller.
 */
class PortIsolationFilterTest {

    static final int PUBLIC_PORT = 8080;
    static final int MANAGEMENT_PORT = 9091;

    private final ArrivalPort arrivalPort = new ArrivalPort(() -> MANAGEMENT_PORT);
    private final PortIsolationFilter filter = new PortIsolationFilter(arrivalPort, routes());
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @Test
    void filterWhenRouteOfArrivalPortThenPassedOnWithPortStored() throws Exception {
        var request = request(PUBLIC_PORT, "POST", "/oidc4vci/credential");

        filter.doFilter(request, response, chain);

        assertPassed();
        assertThat(Port.of(request)).isEqualTo(Port.PUBLIC);
    }

    @Test
    void filterWhenManagementRouteOnManagementPortThenPassedOn() throws Exception {
        var request = request(MANAGEMENT_PORT, "GET", "/offers/abc");

        filter.doFilter(request, response, chain);

        assertPassed();
        assertThat(Port.of(request)).isEqualTo(Port.MANAGEMENT);
    }

    @Test
    void filterWhenManagementRouteOnPublicPortThenNotFoundAndPublicPortStoredForItsErrorPage() throws Exception {
        var request = request(PUBLIC_PORT, "GET", "/offers/abc");

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.NOT_FOUND);
        // The error dispatch of this 404 writes the page of the port stored here: the wallet's OAuth shape
        assertThat(Port.of(request)).isEqualTo(Port.PUBLIC);
        assertThat(errorPageFor(request)).isEqualTo(Port.PUBLIC);
    }

    @Test
    void filterWhenWalletRouteOnManagementPortThenNotFoundAndManagementPortStoredForItsErrorPage() throws Exception {
        var request = request(MANAGEMENT_PORT, "POST", "/oidc4vci/credential");

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.NOT_FOUND);
        assertThat(Port.of(request)).isEqualTo(Port.MANAGEMENT);
        assertThat(errorPageFor(request)).isEqualTo(Port.MANAGEMENT);
    }

    @Test
    void filterWhenHostHeaderNamesTheManagementPortThenTheSocketDecides() throws Exception {
        // getServerPort() comes from the client's Host header; only getLocalPort() is the socket's
        var request = request(PUBLIC_PORT, "GET", "/offers");
        request.setServerPort(MANAGEMENT_PORT);
        request.addHeader("Host", "localhost:" + MANAGEMENT_PORT);

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.NOT_FOUND);
        assertThat(Port.of(request)).isEqualTo(Port.PUBLIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oidc4vci/./credential", "/offers/../oidc4vci/credential", "/oidc4vci/credential/.",
            "/oidc4vci/credential/..", "//oidc4vci/credential", "/oidc4vci//credential", "/oidc4vci/credential;jsessionid=1",
            "/oidc4vci;x=y/credential", "/oidc4vci/cred%65ntial", "/oidc4vci%2Fcredential", "/%2e/oidc4vci/credential",
            "/oidc4vci/%2E%2E/credential", "/oidc4vci%5ccredential", "/oidc4vci\\credential", "/oidc4vci/credential%25",
            "oidc4vci/credential"})
    void filterWhenPathIsNotInNormalFormThenNotFound(String uri) throws Exception {
        // Judged in its raw form: the servlet path below is the route the decoded form would reach
        var request = request(PUBLIC_PORT, "POST", "/oidc4vci/credential");
        request.setRequestURI(uri);

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.NOT_FOUND);
        assertThat(Port.of(request)).as("stored before the refusal, for its error page").isEqualTo(Port.PUBLIC);
    }

    @Test
    void filterWhenRawPathIsAWalletRouteButDecodedPathIsNotThenNotFound() throws Exception {
        // Spring matches the decoded servlet path: both forms must name a route of the arrival port
        var request = request(PUBLIC_PORT, "GET", "/oidc4vci/credential");
        request.setServletPath("/offers");

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.NOT_FOUND);
    }

    @Test
    void filterWhenPathMatchesNoRouteOfEitherPortThenNotFound() throws Exception {
        for (int port : new int[]{PUBLIC_PORT, MANAGEMENT_PORT}) {
            var refused = new MockHttpServletResponse();
            filter.doFilter(request(port, "GET", "/error"), refused, new MockFilterChain());
            assertThat(refused.getStatus()).as("port %d", port).isEqualTo(404);
        }
    }

    @Test
    void filterWhenMethodIsNotAnHttpMethodThenMethodNotAllowedAndPortStored() throws Exception {
        var request = request(MANAGEMENT_PORT, "BREW", "/offers");

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.getErrorMessage()).as("L-2: the method is not echoed").isNull();
        assertThat(Port.of(request)).isEqualTo(Port.MANAGEMENT);
    }

    @Test
    void filterWhenQueryStringIsMalformedThenBadRequest() throws Exception {
        // Tomcat parses parameters on first use and throws on malformed percent-encoding
        var request = new MockHttpServletRequest("GET", "/.well-known/openid-credential-issuer") {
            @Override
            public Map<String, String[]> getParameterMap() {
                throw new InvalidParameterException("Character decoding failed");
            }
        };
        prepare(request, PUBLIC_PORT, "/.well-known/openid-credential-issuer");
        request.setQueryString("a=%zz");

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.BAD_REQUEST);
        assertThat(Port.of(request)).isEqualTo(Port.PUBLIC);
    }

    @Test
    void filterWhenContentTypeIsAWildcardThenUnsupportedMediaType() throws Exception {
        var request = request(PUBLIC_PORT, "POST", "/oidc4vci/credential");
        request.setContentType("application/*; charset=utf-8");

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void filterWhenAcceptNamesNoMediaTypeThenNotAcceptable() throws Exception {
        var request = request(MANAGEMENT_PORT, "GET", "/offers");
        request.addHeader("Accept", " , ");

        filter.doFilter(request, response, chain);

        assertRefused(HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    void filterWhenErrorDispatchWithoutStoredPortThenPortDecidedAndPassedOn() throws Exception {
        // Tomcat's error dispatch of a request it refused before the filters ran (a /WEB-INF/ path)
        var request = request(MANAGEMENT_PORT, "GET", "/WEB-INF/web.xml");
        request.setDispatcherType(DispatcherType.ERROR);

        filter.doFilter(request, response, chain);

        assertPassed();
        assertThat(Port.of(request)).isEqualTo(Port.MANAGEMENT);
    }

    @Test
    void filterWhenErrorDispatchWithStoredPortThenStoredPortKept() throws Exception {
        var request = request(MANAGEMENT_PORT, "GET", "/error");
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(Port.ATTRIBUTE, Port.PUBLIC);

        filter.doFilter(request, response, chain);

        assertPassed();
        assertThat(Port.of(request)).isEqualTo(Port.PUBLIC);
    }

    @Test
    void isNormalWhenPathHasNoDotSegmentEncodingOrParameterThenTrue() {
        assertThat(PortIsolationFilter.isNormal("/oidc4vci/credential")).isTrue();
        assertThat(PortIsolationFilter.isNormal("/.well-known/openid-credential-issuer")).as("a dot that is no segment").isTrue();
        assertThat(PortIsolationFilter.isNormal("/offers/a.b")).isTrue();
        assertThat(PortIsolationFilter.isNormal(null)).isFalse();
        assertThat(PortIsolationFilter.isNormal("")).isFalse();
    }

    // --- helpers ---

    private void assertPassed() {
        assertThat(chain.getRequest()).as("passed to the next filter").isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private void assertRefused(HttpStatus status) {
        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(status.value());
        assertThat(response.isCommitted()).isTrue();
    }

    /**
     * Runs the error dispatch that follows a refusal through the real {@link ErrorPageFilter} and
     * {@link PortErrorPages}; each page here only records that it was chosen.
     */
    private Port errorPageFor(MockHttpServletRequest refused) throws Exception {
        var dispatch = new MockHttpServletRequest("GET", "/error");
        dispatch.setDispatcherType(DispatcherType.ERROR);
        dispatch.setLocalPort(refused.getLocalPort());
        dispatch.setAttribute(Port.ATTRIBUTE, refused.getAttribute(Port.ATTRIBUTE));
        dispatch.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, response.getStatus());
        var page = new MockHttpServletResponse();
        var pages = new PortErrorPages(arrivalPort, List.of(new NamingPage(Port.PUBLIC), new NamingPage(Port.MANAGEMENT)));
        filter.doFilter(dispatch, page, (req, res) -> new ErrorPageFilter(pages).doFilter(req, res, new MockFilterChain()));
        assertThat(page.getStatus()).isEqualTo(response.getStatus());
        return Port.valueOf(page.getContentAsString());
    }

    /** An error page that writes its port's name, so a test sees which one answered. */
    private record NamingPage(Port port) implements ErrorPage {
        @Override
        public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
            response.setStatus(status.value());
            response.getWriter().write(port.name());
        }
    }

    private static MockHttpServletRequest request(int localPort, String method, String path) {
        return prepare(new MockHttpServletRequest(method, path), localPort, path);
    }

    private static MockHttpServletRequest prepare(MockHttpServletRequest request, int localPort, String path) {
        request.setLocalPort(localPort);
        request.setServerPort(localPort);
        request.setServletPath(path);
        return request;
    }

    /** The real route table, read from a handler mapping holding the two controllers below. */
    private static PortRoutes routes() {
        try {
            var mapping = new RequestMappingHandlerMapping();
            mapping.registerMapping(RequestMappingInfo.paths("/oidc4vci/credential").methods(RequestMethod.POST).build(),
                    new WalletController(), WalletController.class.getDeclaredMethod("credential"));
            mapping.registerMapping(RequestMappingInfo.paths("/.well-known/openid-credential-issuer").methods(RequestMethod.GET).build(),
                    new WalletController(), WalletController.class.getDeclaredMethod("metadata"));
            mapping.registerMapping(RequestMappingInfo.paths("/offers", "/offers/{offerId}").build(),
                    new OffersController(), OffersController.class.getDeclaredMethod("offers"));
            var beans = new StaticListableBeanFactory();
            beans.addBean("mapping", mapping);
            var routes = new PortRoutes(beans);
            routes.afterSingletonsInstantiated();
            assertThat(routes.unowned()).isEmpty();
            return routes;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @ServedOn(Port.PUBLIC)
    static final class WalletController {
        String credential() {
            return "";
        }

        String metadata() {
            return "";
        }
    }

    @ServedOn(Port.MANAGEMENT)
    static final class OffersController {
        String offers() {
            return "";
        }
    }
}
