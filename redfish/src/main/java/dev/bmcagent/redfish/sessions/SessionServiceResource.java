package dev.bmcagent.redfish.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.AccountDirectory;
import dev.bmcagent.redfish.backend.AuthResult;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.StoredSession;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.ETags;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.PatchSpec;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Objects;

/** SessionService, its Sessions collection, login (POST, public) and logout (DELETE). */
public final class SessionServiceResource {

    static final String SERVICE = "/redfish/v1/SessionService";
    static final String SESSIONS = "/redfish/v1/SessionService/Sessions";

    private final SessionStore store;
    private final AccountDirectory accounts;
    private final Runnable sessionEnded;

    /** @param sessionEnded run after a logout: ends the streams opened with that session */
    public SessionServiceResource(SessionStore store, AccountDirectory accounts, Runnable sessionEnded) {
        this.store = Objects.requireNonNull(store, "store");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessionEnded = Objects.requireNonNull(sessionEnded, "sessionEnded");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/SessionService", PrivilegeType.Login, (ctx, p) -> Responses.resource(ctx, service()));
        routes.patch("/redfish/v1/SessionService", PrivilegeType.ConfigureManager, this::patchService);
        routes.get(
                "/redfish/v1/SessionService/Sessions",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, collection(p)));
        routes.publicRoute(HttpMethod.POST, "/redfish/v1/SessionService/Sessions", this::login);
        // DSP0266 "POST (create)": a POST to a collection's Members property is the same as to the collection
        routes.publicRoute(HttpMethod.POST, "/redfish/v1/SessionService/Sessions/Members", this::login);
        routes.get(
                "/redfish/v1/SessionService/Sessions/:sessionId",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, session(ctx, p)));
        routes.delete("/redfish/v1/SessionService/Sessions/:sessionId", PrivilegeType.Login, this::logout);
    }

    private ObjectNode service() {
        ObjectNode n = Json.resource(SERVICE, Schema.SESSION_SERVICE, "SessionService", "Session Service");
        n.put("Description", "Session Service");
        n.put("ServiceEnabled", true);
        n.put("SessionTimeout", store.idleTimeout().toSeconds());
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.set("Sessions", Json.link(SESSIONS));
        return n;
    }

    private void patchService(RoutingContext ctx, Principal p) {
        ObjectNode body = Bodies.object(ctx);
        ObjectNode current = service();
        ETags.checkIfMatch(ctx, current);
        new PatchSpec().integer("SessionTimeout", 30, 86400).validate(body, current);
        PatchSpec.integer(body, "SessionTimeout").ifPresent(s -> store.idleTimeout(Duration.ofSeconds(s)));
        Responses.resource(ctx, service());
    }

    /** Users without ConfigureManager see only their own sessions. */
    private ObjectNode collection(Principal p) {
        return Json.collection(
                SESSIONS,
                Schema.SESSION_COLLECTION,
                "Session Collection",
                store.sessions().stream()
                        .filter(s ->
                                s.userName().equals(p.userName()) || p.role().has(PrivilegeType.ConfigureManager))
                        .map(s -> SESSIONS + "/" + s.id())
                        .toList());
    }

    private ObjectNode session(RoutingContext ctx, Principal p) {
        StoredSession s = visibleSession(ctx, p);
        return render(s);
    }

    private static ObjectNode render(StoredSession s) {
        ObjectNode n = Json.resource(SESSIONS + "/" + s.id(), Schema.SESSION, s.id(), "User Session");
        n.put("UserName", s.userName());
        n.put("SessionType", "Redfish");
        n.put("CreatedTime", Json.dateTime(s.created()));
        n.putNull("Password");
        return n;
    }

    /** A session exists for the caller when it is theirs or they may manage the BMC; else 404 (no leak). */
    private StoredSession visibleSession(RoutingContext ctx, Principal p) {
        String id = ctx.pathParam("sessionId");
        return store.session(id)
                .filter(s -> s.userName().equals(p.userName()) || p.role().has(PrivilegeType.ConfigureManager))
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "Session", id)
                        .exception());
    }

    private void login(RoutingContext ctx, Principal ignored) {
        ObjectNode body = Bodies.object(ctx);
        RedfishError.Collector errors = new RedfishError.Collector();
        for (String required : new String[] {"UserName", "Password"}) {
            JsonNode v = body.get(required);
            if (v == null) {
                errors.add(BaseMessage.PropertyMissing, "#/" + required, required);
            } else if (!v.isTextual()) {
                errors.add(BaseMessage.PropertyValueTypeError, "#/" + required, Json.write(v), required);
            }
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("UserName") && !f.equals("Password") && !f.equals("Context")) {
                errors.add(BaseMessage.PropertyUnknown, "#/" + f, f);
            }
        });
        errors.throwIfAny();
        AuthResult r = accounts.verify(
                body.get("UserName").asText(),
                body.get("Password").asText(),
                dev.bmcagent.redfish.http.AuthHandler.peer(ctx));
        if (!(r instanceof AuthResult.Granted g)) {
            throw RedfishError.of(BaseMessage.NoValidSession).exception();
        }
        NewSession s = store.create(g.account().userName(), g.account().role())
                .orElseThrow(
                        () -> RedfishError.of(BaseMessage.SessionLimitExceeded).exception());
        ctx.response()
                .putHeader("X-Auth-Token", s.token())
                .putHeader("Location", SESSIONS + "/" + s.session().id());
        Responses.send(ctx, 201, render(s.session()));
    }

    private void logout(RoutingContext ctx, Principal p) {
        StoredSession s = visibleSession(ctx, p);
        store.delete(s.id());
        sessionEnded.run();
        Responses.noContent(ctx);
    }
}
