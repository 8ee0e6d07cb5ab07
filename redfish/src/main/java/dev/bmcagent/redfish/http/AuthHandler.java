package dev.bmcagent.redfish.http;

import dev.bmcagent.redfish.backend.AccountDirectory;
import dev.bmcagent.redfish.backend.AuthResult;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request before any resource handler: X-Auth-Token (session) or HTTP Basic against the
 * shared account store. Only the few resources the Redfish specification requires to be public pass without
 * credentials; everything else without valid credentials is answered 401 NoValidSession here.
 */
public final class AuthHandler implements Handler<RoutingContext> {

    /** Method + path pairs that need no authentication (DSP0266: service root, $metadata, odata, login). */
    private static final Set<String> PUBLIC = Set.of(
            "GET /redfish",
            "GET /redfish/",
            "GET /redfish/v1",
            "GET /redfish/v1/",
            "GET /redfish/v1/$metadata",
            "GET /redfish/v1/odata",
            "GET /redfish/v1/schemas/BmcAgent_v1.xml",
            "POST /redfish/v1/SessionService/Sessions",
            "POST /redfish/v1/SessionService/Sessions/",
            "POST /redfish/v1/SessionService/Sessions/Members");

    private final AccountDirectory accounts;
    private final TokenResolver sessions;

    public AuthHandler(AccountDirectory accounts, TokenResolver sessions) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Principal> principal = authenticate(ctx);
        if (principal.isPresent()) {
            ctx.put(Principal.KEY, principal.get());
            ctx.next();
        } else if (isPublic(ctx.request().method(), ctx.normalizedPath())) {
            ctx.next();
        } else {
            Responses.error(ctx, RedfishError.of(BaseMessage.NoValidSession));
        }
    }

    private static boolean isPublic(HttpMethod method, String path) {
        String m = HttpMethod.HEAD.equals(method) ? "GET" : method.name();
        return PUBLIC.contains(m + " " + path);
    }

    private Optional<Principal> authenticate(RoutingContext ctx) {
        String token = ctx.request().getHeader("X-Auth-Token");
        if (token != null) {
            return sessions.resolve(token);
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return Optional.empty();
        }
        return basic(authorization.substring(6).trim(), peer(ctx));
    }

    /** The peer's literal IP address (null for a unix socket). */
    public static String peer(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null
                ? null
                : ctx.request().remoteAddress().hostAddress();
    }

    private Optional<Principal> basic(String encoded, String peer) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        AuthResult r = accounts.verify(decoded.substring(0, colon), decoded.substring(colon + 1), peer);
        if (r instanceof AuthResult.Granted g) {
            return Optional.of(new Principal(g.account().userName(), g.account().role(), Optional.empty()));
        }
        return Optional.empty();
    }
}
