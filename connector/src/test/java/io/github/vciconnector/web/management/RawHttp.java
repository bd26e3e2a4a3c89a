package io.github.vciconnector.web.management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, for what java.net.http refuses to send: a {@code Host} header of our choice
 * (a DNS-rebound browser's), or none at all.
 */
final class RawHttp {

    /** Status, header block and body (de-chunked well enough for one small JSON document). */
    record Response(int status, String head, String body) {
    }

    private RawHttp() {
    }

    static Response post(int port, String path, String host, String json, String... headers) {
        var request = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
        if (host != null) request.append("Host: ").append(host).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        return send(port, request.toString(), body);
    }

    static Response get(int port, String path, String host, String version) {
        var request = new StringBuilder("GET " + path + " " + version + "\r\n");
        if (host != null) request.append("Host: ").append(host).append("\r\n");
        request.append("Connection: close\r\n\r\n");
        return send(port, request.toString(), new byte[0]);
    }

    private static Response send(int port, String head, byte[] body) {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String responseHead = response.substring(0, end);
            String rest = response.substring(end + 4);
            int open = rest.indexOf('{');
            int close = rest.lastIndexOf('}');
            return new Response(Integer.parseInt(responseHead.substring(9, 12)), responseHead,
                    open >= 0 && close > open ? rest.substring(open, close + 1) : rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
