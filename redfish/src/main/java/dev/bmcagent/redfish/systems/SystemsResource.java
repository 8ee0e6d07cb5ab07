package dev.bmcagent.redfish.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.BootOptionView;
import dev.bmcagent.redfish.backend.BootOverrideEnabled;
import dev.bmcagent.redfish.backend.BootOverrideMode;
import dev.bmcagent.redfish.backend.BootSource;
import dev.bmcagent.redfish.backend.IndicatorLed;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.backend.SystemPatch;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.backend.SystemsBackend;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.ETags;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.PatchSpec;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.RenderCache;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The Systems collection and ComputerSystem (GET, PATCH of the writable properties). */
public final class SystemsResource {
    /** Declared patterns at most: a host reports at most 64 boot options (OEM 30h/11h), each pattern must match one. */
    public static final int MAX_PATTERNS = 64;
    /** Bytes per pattern at most: longer ones cannot reach the host (OEM 30h/12h, docs/HOST-INTERFACE.md). */
    public static final int MAX_PATTERN_LENGTH = 250;

    private static final String PATTERNS = "Oem/BmcAgent/BootOrderPatterns";

    private static final PatchSpec PATCH = new PatchSpec()
            .text("AssetTag", 64)
            .enumeration("IndicatorLED", IndicatorLed.class)
            .bool("LocationIndicatorActive")
            .nested(
                    "Boot",
                    new PatchSpec()
                            .enumeration("BootSourceOverrideTarget", BootSource.class)
                            .enumeration("BootSourceOverrideEnabled", BootOverrideEnabled.class)
                            .enumeration("BootSourceOverrideMode", BootOverrideMode.class)
                            .text("UefiTargetBootSourceOverride", 512)
                            .text("HttpBootUri", 2048)
                            .textList("BootOrder", 64, 64))
            .nested(
                    "Oem",
                    new PatchSpec()
                            .nested(
                                    "BmcAgent",
                                    new PatchSpec()
                                            .textList("BootOrderPatterns", MAX_PATTERNS, MAX_PATTERN_LENGTH * 4)));

    private final SystemsBackend backend;
    private final RenderCache<Rendering> rendered =
            new RenderCache<>(r -> ComputerSystemJson.render(r.view(), r.bootSources(), r.identity()));

    public SystemsResource(SystemsBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Systems",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                "/redfish/v1/Systems",
                                Schema.COMPUTER_SYSTEM_COLLECTION,
                                "Computer System Collection",
                                backend.systemIds().stream()
                                        .map(ComputerSystemJson::uri)
                                        .toList())));
        routes.get("/redfish/v1/Systems/:systemId", PrivilegeType.Login, (ctx, p) -> {
            SystemView v = find(backend, ctx); // the current state, read on every GET
            Rendering r = new Rendering(v, Set.copyOf(backend.bootSources()), backend.identity(v.id()));
            Responses.resource(ctx, rendered.get(v.id(), r));
        });
        routes.patch("/redfish/v1/Systems/:systemId", PrivilegeType.ConfigureComponents, this::patch);
    }

    static SystemView find(SystemsBackend backend, RoutingContext ctx) {
        String id = ctx.pathParam("systemId");
        return backend.system(id)
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "ComputerSystem", id)
                        .exception());
    }

    private void patch(RoutingContext ctx, Principal p) {
        SystemView v = find(backend, ctx);
        ObjectNode current = ComputerSystemJson.render(v, backend.bootSources(), backend.identity(v.id()));
        ObjectNode body = Bodies.object(ctx);
        ETags.checkIfMatch(ctx, current);
        PATCH.validate(body, current);
        JsonNode boot = body.get("Boot");
        List<String> order = PatchSpec.textList(boot, "BootOrder").orElse(null);
        checkBootOrder(v, order);
        JsonNode agentOem = body.path("Oem").path("BmcAgent");
        List<String> patterns = PatchSpec.textList(agentOem.isObject() ? agentOem : null, "BootOrderPatterns")
                .orElse(null);
        checkPatterns(patterns);
        if (patterns != null && order != null) {
            throw RedfishError.property(BaseMessage.PropertyValueConflict, "#/" + PATTERNS, PATTERNS, "Boot/BootOrder")
                    .exception();
        }
        checkBootSource(PatchSpec.enumValue(boot, "BootSourceOverrideTarget", BootSource.class));
        PatchSpec.text(boot, "HttpBootUri").filter(s -> !s.isEmpty()).ifPresent(SystemsResource::checkHttpBootUri);
        SystemPatch patch = new SystemPatch(
                IndicatorLed.requested(
                        PatchSpec.enumValue(body, "IndicatorLED", IndicatorLed.class),
                        PatchSpec.bool(body, "LocationIndicatorActive")),
                PatchSpec.text(body, "AssetTag"),
                PatchSpec.enumValue(boot, "BootSourceOverrideTarget", BootSource.class),
                PatchSpec.enumValue(boot, "BootSourceOverrideEnabled", BootOverrideEnabled.class),
                PatchSpec.enumValue(boot, "BootSourceOverrideMode", BootOverrideMode.class),
                PatchSpec.text(boot, "UefiTargetBootSourceOverride"),
                PatchSpec.text(boot, "HttpBootUri"),
                java.util.Optional.ofNullable(order),
                java.util.Optional.ofNullable(patterns));
        if (!patch.isEmpty() && !backend.patch(v.id(), patch)) {
            throw RedfishError.of(BaseMessage.ResourceNotFound, "ComputerSystem", v.id())
                    .exception();
        }
        Responses.resource(
                ctx, ComputerSystemJson.render(find(backend, ctx), backend.bootSources(), backend.identity(v.id())));
    }

    /** BootOrder holds BootOptionReferences of options the host reported, each at most once. */
    private static void checkBootOrder(SystemView v, List<String> order) {
        if (order == null) {
            return;
        }
        Set<String> known = new HashSet<>();
        v.bootOptions().stream().map(BootOptionView::reference).forEach(known::add);
        Set<String> seen = new HashSet<>();
        for (String ref : order) {
            if (!known.contains(ref) || !seen.add(ref)) {
                throw RedfishError.property(
                                BaseMessage.PropertyValueIncorrect, "#/Boot/BootOrder", "Boot/BootOrder", ref)
                        .exception();
            }
        }
    }

    /**
     * BootOrderPatterns: Java regular expressions, each matched against whole boot option names (as the reconciler and
     * the host do); each must compile and be printable ASCII of at most {@link #MAX_PATTERN_LENGTH} bytes (the host
     * interface carries it so). Every bad item is reported (PropertyValueFormatError on its array index).
     */
    private static void checkPatterns(List<String> patterns) {
        if (patterns == null) {
            return;
        }
        RedfishError.Collector errors = new RedfishError.Collector();
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            boolean ok = !p.isEmpty()
                    && p.length() <= MAX_PATTERN_LENGTH
                    && p.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
            if (ok) {
                try {
                    java.util.regex.Pattern.compile(p);
                } catch (java.util.regex.PatternSyntaxException e) {
                    ok = false;
                }
            }
            if (!ok) {
                errors.add(BaseMessage.PropertyValueFormatError, "#/" + PATTERNS + "/" + i, p, PATTERNS + "/" + i);
            }
        }
        errors.throwIfAny();
    }

    /** A target the schema allows but this backend cannot carry out (e.g. no IPMI device for it). */
    private void checkBootSource(java.util.Optional<BootSource> target) {
        target.filter(t -> !backend.bootSources().contains(t)).ifPresent(t -> {
            throw RedfishError.property(
                            BaseMessage.PropertyValueNotInList,
                            "#/Boot/BootSourceOverrideTarget",
                            t.name(),
                            "Boot/BootSourceOverrideTarget")
                    .exception();
        });
    }

    private static void checkHttpBootUri(String uri) {
        try {
            URI u = new URI(uri);
            if ((!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()))
                    || u.getHost() == null
                    || !uri.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) { // the host gets it in ASCII
                throw new URISyntaxException(uri, "not an absolute http(s) URI");
            }
        } catch (URISyntaxException e) {
            throw RedfishError.property(
                            BaseMessage.PropertyValueFormatError, "#/Boot/HttpBootUri", uri, "Boot/HttpBootUri")
                    .exception();
        }
    }

    /** Everything a ComputerSystem representation is rendered from. */
    private record Rendering(
            SystemView view,
            Set<BootSource> bootSources,
            java.util.Optional<dev.bmcagent.redfish.backend.AssetIdentity> identity) {}
}
