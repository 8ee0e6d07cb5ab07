package dev.bmcagent.redfish.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Cross-site request forgery defences, run before authentication and any resource: a request whose {@code Origin}
 * is not this service's own origin ({@code https://<Host>}) is refused 403, and a POST, PATCH or PUT carrying a body
 * must declare {@code Content-Type: application/json} (optionally with {@code charset=utf-8}), else 415 (RFC 9110
 * Unsupported Media Type) with Base.UnrecognizedRequestBody, the message bmcweb sends for a non-JSON body. A browser can send {@code text/plain}, form-encoded and multipart
 * bodies cross-origin without a CORS preflight; it cannot send {@code application/json} that way, and it always
 * names its {@code Origin} on a cross-origin POST, so either check alone stops a forged write.
 */
public final class RequestHygieneHandler implements Handler<RoutingContext> {

    private static final List<HttpMethod> WITH_BODY = List.of(HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT);

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request.authority())) {
            Responses.error(
                    ctx,
                    new RedfishError(
                            403,
                            List.of(new RedfishError.Info(
                                    BaseMessage.HeaderInvalid, List.of("Origin: " + printable(origin)), ""))));
            return;
        }
        if (WITH_BODY.contains(request.method()) && hasBody(request) && !isJson(request.getHeader("Content-Type"))) {
            Responses.error(
                    ctx,
                    new RedfishError(
                            415, List.of(new RedfishError.Info(BaseMessage.UnrecognizedRequestBody, List.of(), ""))));
            return;
        }
        ctx.next();
    }

    /**
     * Whether the request comes from a web browser's script or page (it names an Origin, carries Fetch Metadata or
     * the XMLHttpRequest marker): such a client gets no {@code WWW-Authenticate: Basic} challenge on a 401, so the
     * browser never pops up a login dialog and never caches Basic credentials another site could then ride on.
     */
    public static boolean fromBrowser(HttpServerRequest request) {
        return request.getHeader("Origin") != null
                || request.getHeader("X-Requested-With") != null
                || request.getHeader("Sec-Fetch-Mode") != null
                || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Sec-Fetch-Dest") != null;
    }

    static boolean sameOrigin(String origin, HostAndPort authority) {
        if (authority == null) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false; // includes the opaque origin "null"
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            return false;
        }
        int originPort = uri.getPort() < 0 ? 443 : uri.getPort();
        int hostPort = authority.port() < 0 ? 443 : authority.port();
        return originPort == hostPort && bare(uri.getHost()).equalsIgnoreCase(bare(authority.host()));
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return request.getHeader("Transfer-Encoding") != null;
    }

    /** {@code application/json}, parameters allowed, but a declared charset must be UTF-8 (RFC 8259 §8.1). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!"application/json".equals(parts[0].trim().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) : s;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
