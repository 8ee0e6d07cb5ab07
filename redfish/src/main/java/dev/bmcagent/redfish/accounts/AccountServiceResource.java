package dev.bmcagent.redfish.accounts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.AccountDirectory;
import dev.bmcagent.redfish.backend.AccountPatch;
import dev.bmcagent.redfish.backend.AccountResult;
import dev.bmcagent.redfish.backend.LockoutPolicy;
import dev.bmcagent.redfish.backend.ManagerAccount;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.RedfishRole;
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
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/** AccountService, ManagerAccounts (the shared IPMI/Redfish account store) and the three standard Roles. */
public final class AccountServiceResource {

    static final String SERVICE = "/redfish/v1/AccountService";
    static final String ACCOUNTS = "/redfish/v1/AccountService/Accounts";
    static final String ROLES = "/redfish/v1/AccountService/Roles";

    private final AccountDirectory directory;
    private final Consumer<String> sessionsOfUserEnded;

    /**
     * @param sessionsOfUserEnded called with a user name whose sessions must end (account deleted, disabled,
     *                            renamed or its password changed)
     */
    public AccountServiceResource(AccountDirectory directory, Consumer<String> sessionsOfUserEnded) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.sessionsOfUserEnded = Objects.requireNonNull(sessionsOfUserEnded, "sessionsOfUserEnded");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/AccountService", PrivilegeType.Login, (ctx, p) -> Responses.resource(ctx, service()));
        routes.get(
                "/redfish/v1/AccountService/Accounts",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                ACCOUNTS,
                                Schema.MANAGER_ACCOUNT_COLLECTION,
                                "Accounts Collection",
                                visible(p).stream()
                                        .map(a -> ACCOUNTS + "/" + a.id())
                                        .toList())));
        routes.post("/redfish/v1/AccountService/Accounts", PrivilegeType.ConfigureUsers, this::create);
        routes.get(
                "/redfish/v1/AccountService/Accounts/:accountId",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, render(find(ctx, p))));
        routes.patch("/redfish/v1/AccountService/Accounts/:accountId", PrivilegeType.Login, this::patch);
        routes.delete("/redfish/v1/AccountService/Accounts/:accountId", PrivilegeType.ConfigureUsers, this::delete);
        routes.get(
                "/redfish/v1/AccountService/Roles",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                ROLES,
                                Schema.ROLE_COLLECTION,
                                "Roles Collection",
                                Arrays.stream(RedfishRole.values())
                                        .map(r -> ROLES + "/" + r.name())
                                        .toList())));
        routes.get(
                "/redfish/v1/AccountService/Roles/:roleId",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(ctx, role(ctx.pathParam("roleId"))));
    }

    private ObjectNode service() {
        ObjectNode n = Json.resource(SERVICE, Schema.ACCOUNT_SERVICE, "AccountService", "Account Service");
        n.put("Description", "BMC accounts, shared by IPMI and Redfish");
        n.put("ServiceEnabled", true);
        LockoutPolicy lp = directory.lockoutPolicy();
        n.put("AccountLockoutThreshold", lp.threshold());
        n.put("AccountLockoutDuration", lp.duration().toSeconds());
        n.put("AccountLockoutCounterResetAfter", lp.counterReset().toSeconds());
        n.put("MinPasswordLength", directory.minPasswordLength());
        n.put("MaxPasswordLength", directory.maxPasswordLength());
        n.putArray("SupportedAccountTypes").add("Redfish").add("IPMI"); // one account store for both
        n.putObject("Status").put("State", "Enabled").put("Health", "OK");
        n.set("Accounts", Json.link(ACCOUNTS));
        n.set("Roles", Json.link(ROLES));
        return n;
    }

    /** Users without ConfigureUsers see only their own account. */
    private java.util.List<ManagerAccount> visible(Principal p) {
        return directory.accounts().stream()
                .filter(a -> p.role().has(PrivilegeType.ConfigureUsers)
                        || a.userName().equals(p.userName()))
                .toList();
    }

    private ManagerAccount find(RoutingContext ctx, Principal p) {
        String id = ctx.pathParam("accountId");
        return directory
                .account(id)
                .filter(a -> p.role().has(PrivilegeType.ConfigureUsers)
                        || a.userName().equals(p.userName()))
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "ManagerAccount", id)
                        .exception());
    }

    private static ObjectNode render(ManagerAccount a) {
        ObjectNode n = Json.resource(ACCOUNTS + "/" + a.id(), Schema.MANAGER_ACCOUNT, a.id(), "User Account");
        n.put("UserName", a.userName());
        n.putNull("Password");
        n.put("RoleId", a.role().name());
        n.put("Enabled", a.enabled());
        n.put("Locked", a.locked());
        n.putArray("AccountTypes").add("Redfish").add("IPMI");
        n.putObject("Links").set("Role", Json.link(ROLES + "/" + a.role().name()));
        return n;
    }

    private ObjectNode role(String id) {
        RedfishRole role = Arrays.stream(RedfishRole.values())
                .filter(r -> r.name().equals(id))
                .findFirst()
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "Role", id)
                        .exception());
        ObjectNode n = Json.resource(ROLES + "/" + id, Schema.ROLE, id, id + " User Role");
        n.put("RoleId", id);
        n.put("IsPredefined", true);
        ArrayNode privileges = n.putArray("AssignedPrivileges");
        Arrays.stream(PrivilegeType.values()).filter(role::has).forEach(pr -> privileges.add(pr.name()));
        n.putArray("OemPrivileges");
        return n;
    }

    private void create(RoutingContext ctx, Principal p) {
        ObjectNode body = Bodies.object(ctx);
        RedfishError.Collector missing = new RedfishError.Collector();
        for (String required : new String[] {"UserName", "Password", "RoleId"}) {
            if (!body.has(required)) {
                missing.add(BaseMessage.PropertyMissing, "#/" + required, required);
            }
        }
        missing.throwIfAny();
        accountSpec(directory.maxPasswordLength()).validate(body, null);
        AccountResult r = directory.create(
                body.get("UserName").asText(),
                body.get("Password").asText(),
                RedfishRole.valueOf(body.get("RoleId").asText()),
                PatchSpec.bool(body, "Enabled").orElse(true));
        ManagerAccount a = done(r, "ManagerAccount", body.get("UserName").asText());
        ctx.response().putHeader("Location", ACCOUNTS + "/" + a.id());
        Responses.send(ctx, 201, render(a));
    }

    private static PatchSpec accountSpec(int maxPassword) {
        return new PatchSpec()
                .text("UserName", 16)
                .text("Password", maxPassword)
                .enumeration("RoleId", RedfishRole.class)
                .bool("Enabled")
                .bool("Locked");
    }

    private void patch(RoutingContext ctx, Principal p) {
        ManagerAccount a = find(ctx, p);
        ObjectNode body = Bodies.object(ctx);
        ObjectNode current = render(a);
        ETags.checkIfMatch(ctx, current);
        boolean admin = p.role().has(PrivilegeType.ConfigureUsers);
        PatchSpec spec = admin
                ? accountSpec(directory.maxPasswordLength())
                : new PatchSpec().text("Password", directory.maxPasswordLength());
        spec.validate(body, current);
        if (body.has("Locked") && body.get("Locked").asBoolean()) {
            throw RedfishError.property(BaseMessage.PropertyValueIncorrect, "#/Locked", "Locked", "true")
                    .exception();
        }
        AccountPatch patch = new AccountPatch(
                PatchSpec.text(body, "UserName"),
                PatchSpec.text(body, "Password"),
                PatchSpec.enumValue(body, "RoleId", RedfishRole.class),
                PatchSpec.bool(body, "Enabled"),
                PatchSpec.bool(body, "Locked"));
        ManagerAccount updated = done(directory.patch(a.id(), patch), "ManagerAccount", a.id());
        if (patch.password().isPresent()
                || patch.userName().isPresent()
                || patch.role().isPresent()
                || !updated.enabled()) {
            sessionsOfUserEnded.accept(a.userName());
        }
        Responses.resource(ctx, render(updated));
    }

    private void delete(RoutingContext ctx, Principal p) {
        ManagerAccount a = find(ctx, p);
        if (a.userName().equals(p.userName()) || directory.isLastAdministrator(a.id())) {
            throw RedfishError.of(BaseMessage.ResourceCannotBeDeleted).exception();
        }
        directory.delete(a.id());
        sessionsOfUserEnded.accept(a.userName());
        Responses.noContent(ctx);
    }

    private static ManagerAccount done(AccountResult r, String type, String name) {
        if (r instanceof AccountResult.Done d) {
            return d.account();
        }
        if (r instanceof AccountResult.Conflict) {
            throw RedfishError.of(BaseMessage.ResourceAlreadyExists, type, "UserName", name)
                    .exception();
        }
        if (r instanceof AccountResult.Rejected rej) {
            throw RedfishError.property(
                            BaseMessage.PropertyValueIncorrect, "#/" + rej.property(), rej.property(), rej.reason())
                    .exception();
        }
        throw RedfishError.of(BaseMessage.ResourceNotFound, type, name).exception();
    }
}
