import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal backend login page for the connector's authorization code flow (docs/authorization-code-flow.md), JDK
 * only: {@code java examples/login-backend/LoginBackend.java [--auto]}. Set CONNECTOR_AUTHORIZATION_LOGIN_URL to
 * http://localhost:9000/login. GET /login shows what the wallet asks for and an Approve and a Deny button; approving
 * completes the authorization through the management API (with the claims when no offer brought them) and sends
 * the browser on to the wallet. --auto approves at once (a scripted backend for bin/demo-wallet --follow-login).
 * A real backend logs the person in here first; this one approves everybody as Erika Mustermann. Environment:
 * MANAGEMENT_URL (default http://localhost:8081), CONNECTOR_MANAGEMENT_API_KEY (when the connector has one).
 */
public class LoginBackend {

    static final String MANAGEMENT = System.getenv().getOrDefault("MANAGEMENT_URL", "http://localhost:8081");
    static final String API_KEY = System.getenv("CONNECTOR_MANAGEMENT_API_KEY");
    static final String CLAIMS = "{\"claims\": {\"given_name\": \"Erika\", \"family_name\": \"Mustermann\"}}";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws IOException {
        boolean auto = args.length > 0 && args[0].equals("--auto");
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 9000), 0);
        server.createContext("/login", exchange -> {
            try {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String id = query.getOrDefault("authorization_id", "");
                if (!id.matches("[A-Za-z0-9_-]{22}")) { send(exchange, 400, "no authorization_id"); return; }
                String decision = query.get("decision");
                if (auto || "approve".equals(decision)) {
                    // claims only when the wallet came without an offer: an offer already carries them
                    String body = query.containsKey("offer_id") ? "{}" : CLAIMS;
                    redirect(exchange, management("/authorizations/" + id + "/complete", body));
                } else if ("deny".equals(decision)) {
                    redirect(exchange, management("/authorizations/" + id + "/deny", "{\"reason\": \"the person declined\"}"));
                } else {
                    String asked = management("/authorizations/" + id, null);
                    String offer = query.containsKey("offer_id") ? "&offer_id=" + query.get("offer_id") : "";
                    send(exchange, 200, "<h1>Log in to get your credential</h1><p>Wallet " + html(field(asked, "client_id"))
                            + " asks for " + html(field(asked, "credential_configuration_id")) + ".</p>"
                            + "<p><a href=\"/login?decision=approve&authorization_id=" + id + offer + "\">Approve as Erika Mustermann</a> "
                            + "<a href=\"/login?decision=deny&authorization_id=" + id + "\">Deny</a></p>");
                }
            } catch (Exception e) {
                send(exchange, 502, "management API call failed: " + html(e.getMessage()));
            }
        });
        server.start();
        System.out.println("login page on http://localhost:9000/login" + (auto ? " (approving every request at once)" : ""));
    }

    /** POSTs {@code json} (or GETs when null) to the management API; returns the body, throws unless 200. */
    static String management(String path, String json) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(MANAGEMENT + path));
        if (API_KEY != null) request.header("Authorization", "Bearer " + API_KEY);
        if (json != null) request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        return response.body();
    }

    static void redirect(HttpExchange exchange, String answer) throws IOException {
        exchange.getResponseHeaders().add("Location", field(answer, "redirect_uri"));
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><meta charset=\"utf-8\"><title>Login</title>" + body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A string member of a flat JSON answer; enough for the connector's answers, which escape nothing here but "/". */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1).replace("\\/", "/") : "";
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
