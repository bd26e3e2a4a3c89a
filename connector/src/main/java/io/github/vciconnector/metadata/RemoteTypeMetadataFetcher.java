package io.github.vciconnector.metadata;

import io.github.vciconnector.config.ConnectorProperties;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLException;

/**
 * Fetches a Type Metadata document ({@code _VCT_SOURCE=remote}) once, at startup, as an untrusted download (issue 17,
 * L-9): https only (plain http to localhost for development, the rule of the public base URL), no redirect followed,
 * at most 1 MiB read (reading stops at the first byte beyond), and bounded by connect, read and overall timeouts.
 * Refusals name the setting and the URL's host, never its path or query, which may carry an access token.
 */
final class RemoteTypeMetadataFetcher {

    /** The largest Type Metadata document read, local file or remote (L-9). */
    static final int MAX_DOCUMENT_BYTES = 1 << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(30);

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration totalTimeout;

    RemoteTypeMetadataFetcher() {
        this(CONNECT_TIMEOUT, READ_TIMEOUT, TOTAL_TIMEOUT);
    }

    RemoteTypeMetadataFetcher(Duration connectTimeout, Duration readTimeout, Duration totalTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.totalTimeout = totalTimeout;
    }

    /**
     * @param variable the configuration's variable prefix, e.g. {@code CONNECTOR_CREDENTIAL_CONFIGURATIONS_PID}
     * @throws IllegalArgumentException naming {@code <variable>_VCT_URL} when the URL or its answer is unacceptable
     */
    byte[] fetch(String variable, URI url) {
        String setting = variable + "_VCT_URL";
        if (url == null || !url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException(setting + " must be an https URL when _VCT_SOURCE is remote");
        }
        if (!ConnectorProperties.isHttpsOrLoopbackHttp(url)) {
            throw new IllegalArgumentException(setting + " must use https (http is accepted only for localhost)");
        }
        String host = url.getHost();
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
            // A redirect could lead to plain http or to another host than the one configured: refused, not followed.
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
            connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            if (status >= 300 && status < 400) {
                throw new IllegalArgumentException(setting + ": " + host + " answered a redirect (HTTP " + status
                        + "), which is not followed; configure the final https URL");
            }
            if (status != 200) throw new IllegalArgumentException(setting + ": " + host + " answered HTTP " + status);
            if (connection.getContentLengthLong() > MAX_DOCUMENT_BYTES) throw tooLarge(setting);
            try (InputStream body = connection.getInputStream()) {
                return readAtMost(body, setting, Instant.now().plus(totalTimeout));
            }
        } catch (SocketTimeoutException e) {
            throw new IllegalArgumentException(setting + ": " + host + " did not answer in time");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(setting + ": unknown host " + host);
        } catch (ConnectException e) {
            throw new IllegalArgumentException(setting + ": cannot connect to " + host);
        } catch (SSLException e) {
            throw new IllegalArgumentException(setting + ": TLS with " + host + " failed (is its certificate trusted?)");
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + ": could not be fetched from " + host + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            // Closes the socket instead of draining what a refused answer still has to send.
            if (connection != null) connection.disconnect();
        }
    }

    /** Reads the body, stopping at the first byte beyond the limit or when the overall deadline has passed. */
    private static byte[] readAtMost(InputStream body, String setting, Instant deadline) throws IOException {
        var document = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = body.read(buffer, 0, Math.min(buffer.length, MAX_DOCUMENT_BYTES + 1 - document.size()))) != -1; ) {
            document.write(buffer, 0, read);
            if (document.size() > MAX_DOCUMENT_BYTES) throw tooLarge(setting);
            if (Instant.now().isAfter(deadline)) throw new SocketTimeoutException("overall deadline");
        }
        return document.toByteArray();
    }

    private static IllegalArgumentException tooLarge(String setting) {
        return new IllegalArgumentException(setting + ": document over 1 MiB");
    }
}
