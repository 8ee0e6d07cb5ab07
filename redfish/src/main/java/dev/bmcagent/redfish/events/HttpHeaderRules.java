package dev.bmcagent.redfish.events;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a push subscription's {@code HttpHeaders} may hold, checked when it is created (400) and when it is restored
 * from disk (dropped): at most {@link #MAX_HEADERS} headers of at most {@link #MAX_TOTAL} bytes in all; each name an
 * RFC 9110 token of at most {@link #MAX_NAME} characters that is not a framing or hop-by-hop header the delivery
 * client sets itself; each value at most {@link #MAX_VALUE} characters of visible ASCII, space or tab (no CR, LF,
 * NUL or other control character, so a value can never end the header block or smuggle a second header).
 */
public final class HttpHeaderRules {

    public static final int MAX_HEADERS = 16;
    public static final int MAX_NAME = 64;
    public static final int MAX_VALUE = 1024;
    public static final int MAX_TOTAL = 8192;
    private static final String TOKEN_SPECIALS = "!#$%&'*+-.^_`|~";
    private static final Set<String> RESERVED = Set.of(
            "host",
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "upgrade",
            "te",
            "trailer",
            "expect",
            "proxy-connection",
            "content-type");

    private HttpHeaderRules() {}

    /** The first problem, naming the offending header (never its value), or empty when all headers are fine. */
    public static Optional<String> problem(Map<String, String> headers) {
        if (headers.size() > MAX_HEADERS) {
            return Optional.of("more than " + MAX_HEADERS + " headers");
        }
        int total = 0;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            if (!isToken(name)) {
                return Optional.of("header name is not a token of 1.." + MAX_NAME + " characters");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                return Optional.of("header " + name + " is set by the service");
            }
            if (!isFieldValue(h.getValue())) {
                return Optional.of("header " + name + " has a control character (CR, LF, NUL...) or more than "
                        + MAX_VALUE + " characters");
            }
            total += name.length() + h.getValue().length() + 4;
        }
        return total > MAX_TOTAL ? Optional.of("headers exceed " + MAX_TOTAL + " bytes") : Optional.empty();
    }

    static boolean isToken(String s) {
        if (s.isEmpty() || s.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && TOKEN_SPECIALS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isFieldValue(String s) {
        if (s.length() > MAX_VALUE) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7E)) {
                return false;
            }
        }
        return true;
    }
}
