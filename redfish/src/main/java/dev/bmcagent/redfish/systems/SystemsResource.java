package dev.bmcagent.redfish.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.BootOptionView;
import dev.bmcagent.redfish.backend.BootOverrideEnabled;
import dev.bmcagent.redfish.backend.BootOverrideMode;
import dev.bmcagent.redfish.backend.BootSource;
import dev.bmcagent.redfish.backend.IndicatorLed;
import dev.bmcagent.redfish.backend.Privilege;
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

    private static final PatchSpec PATCH = new PatchSpec()
            .text("AssetTag", 64)
            .enumeration("IndicatorLED", IndicatorLed.class)
            .bool("LocationIndicatorActive")
            .nested("Boot", new PatchSpec()
                    .enumeration("BootSourceOverrideTarget", BootSource.class)
                    .enumeration("BootSourceOverrideEnabled", BootOverrideEnabled.class)
                    .enumeration("BootSourceOverrideMode", BootOverrideMode.class)
                    .text("UefiTargetBootSourceOverride", 512)
                    .text("HttpBootUri", 2048)
                    .textList("BootOrder", 64, 64));

    private final SystemsBackend backend;
    private final RenderCache<Rendering> rendered =
            new RenderCache<>(r -> ComputerSystemJson.render(r.view(), r.bootSources(), r.identity()));

    public SystemsResource(SystemsBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/Systems", Privilege.Login, (ctx, p) -> Responses.resource(ctx,
                Json.collection("/redfish/v1/Systems", Schema.COMPUTER_SYSTEM_COLLECTION,
                        "Computer System Collection",
                        backend.systemIds().stream().map(ComputerSystemJson::uri).toList())));
        routes.get("/redfish/v1/Systems/:systemId", Privilege.Login,
                (ctx, p) -> {
                    SystemView v = find(backend, ctx);                 // the current state, read on every GET
                    Rendering r = new Rendering(v, Set.copyOf(backend.bootSources()), backend.identity(v.id()));
                    Responses.resource(ctx, rendered.get(v.id(), r));
                });
        routes.patch("/redfish/v1/Systems/:systemId", Privilege.ConfigureComponents, this::patch);
    }

    static SystemView find(SystemsBackend backend, RoutingContext ctx) {
        String id = ctx.pathParam("systemId");
        return backend.system(id)
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "ComputerSystem", id).exception());
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
        checkBootSource(PatchSpec.enumValue(boot, "BootSourceOverrideTarget", BootSource.class));
        PatchSpec.text(boot, "HttpBootUri").filter(s -> !s.isEmpty()).ifPresent(SystemsResource::checkHttpBootUri);
        SystemPatch patch = new SystemPatch(IndicatorLed.requested(
                        PatchSpec.enumValue(body, "IndicatorLED", IndicatorLed.class),
                        PatchSpec.bool(body, "LocationIndicatorActive")),
                PatchSpec.text(body, "AssetTag"),
                PatchSpec.enumValue(boot, "BootSourceOverrideTarget", BootSource.class),
                PatchSpec.enumValue(boot, "BootSourceOverrideEnabled", BootOverrideEnabled.class),
                PatchSpec.enumValue(boot, "BootSourceOverrideMode", BootOverrideMode.class),
                PatchSpec.text(boot, "UefiTargetBootSourceOverride"), PatchSpec.text(boot, "HttpBootUri"),
                java.util.Optional.ofNullable(order));
        if (!patch.isEmpty() && !backend.patch(v.id(), patch)) {
            throw RedfishError.of(BaseMessage.ResourceNotFound, "ComputerSystem", v.id()).exception();
        }
        Responses.resource(ctx, ComputerSystemJson.render(find(backend, ctx), backend.bootSources(),
                backend.identity(v.id())));
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
                throw RedfishError.property(BaseMessage.PropertyValueIncorrect, "#/Boot/BootOrder", "Boot/BootOrder",
                        ref).exception();
            }
        }
    }

    /** A target the schema allows but this backend cannot carry out (e.g. no IPMI device for it). */
    private void checkBootSource(java.util.Optional<BootSource> target) {
        target.filter(t -> !backend.bootSources().contains(t)).ifPresent(t -> {
            throw RedfishError.property(BaseMessage.PropertyValueNotInList, "#/Boot/BootSourceOverrideTarget",
                    t.name(), "Boot/BootSourceOverrideTarget").exception();
        });
    }

    private static void checkHttpBootUri(String uri) {
        try {
            URI u = new URI(uri);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null
                    || !uri.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {   // the host gets it in ASCII
                throw new URISyntaxException(uri, "not an absolute http(s) URI");
            }
        } catch (URISyntaxException e) {
            throw RedfishError.property(BaseMessage.PropertyValueFormatError, "#/Boot/HttpBootUri", uri,
                    "Boot/HttpBootUri").exception();
        }
    }

    /** Everything a ComputerSystem representation is rendered from. */
    private record Rendering(SystemView view, Set<BootSource> bootSources,
                             java.util.Optional<dev.bmcagent.redfish.backend.AssetIdentity> identity) {
    }
}
