package dev.bmcagent.redfish.managers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.NetworkConfigBackend;
import dev.bmcagent.redfish.backend.NetworkSettings;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Bodies;
import dev.bmcagent.redfish.http.ETags;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.PatchSpec;
import dev.bmcagent.redfish.http.Principal;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.RedfishException;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Managers/bmc/EthernetInterfaces}: the machine's real network interfaces ({@link MachineNetwork}). An
 * interface without a hardware address (loopback) shows 00:00:00:00:00:00 as Linux does; what the machine cannot
 * tell (link speed of a virtual link, a gateway, how an address was configured) is null, never guessed.
 *
 * <p>With a {@link NetworkConfigBackend} the interfaces are writable (PATCH, ConfigureManager; see
 * {@link NetworkPatch}): the backend persists and applies the change, then the answer is the resource read again
 * (the configured properties parsed back from what the backend wrote, the addresses in use from the kernel). Without
 * one there is no PATCH (405, Allow: GET, HEAD).
 */
public final class EthernetInterfacesResource {

    static final String BASE = ManagerResource.BMC + "/EthernetInterfaces";
    private static final Logger LOG = LoggerFactory.getLogger(EthernetInterfacesResource.class);

    private final Supplier<MachineNetwork.Snapshot> network;
    private final Optional<NetworkConfigBackend> config;

    public EthernetInterfacesResource(Supplier<MachineNetwork.Snapshot> network) {
        this(network, Optional.empty());
    }

    public EthernetInterfacesResource(
            Supplier<MachineNetwork.Snapshot> network, Optional<NetworkConfigBackend> config) {
        this.network = Objects.requireNonNull(network, "network");
        this.config = Objects.requireNonNull(config, "config");
    }

    public void register(Routes routes) {
        routes.get(
                "/redfish/v1/Managers/bmc/EthernetInterfaces",
                PrivilegeType.Login,
                (ctx, p) -> Responses.resource(
                        ctx,
                        Json.collection(
                                BASE,
                                Schema.ETHERNET_INTERFACE_COLLECTION,
                                "Ethernet Interface Collection",
                                network.get().interfaces().stream()
                                        .map(i -> BASE + "/" + i.id())
                                        .toList())));
        routes.get("/redfish/v1/Managers/bmc/EthernetInterfaces/:interfaceId", PrivilegeType.Login, (ctx, p) -> {
            String id = ctx.pathParam("interfaceId");
            MachineNetwork.Snapshot s = network.get();
            MachineNetwork.Interface i = s.find(id)
                    .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "EthernetInterface", id)
                            .exception());
            Responses.resource(ctx, view(s, i));
        });
        if (config.isPresent()) {
            routes.patch(
                    "/redfish/v1/Managers/bmc/EthernetInterfaces/:interfaceId",
                    PrivilegeType.ConfigureManager,
                    this::patch);
        }
    }

    private ObjectNode view(MachineNetwork.Snapshot s, MachineNetwork.Interface i) {
        return render(s, i, config.flatMap(c -> c.settings(i.name())), config.flatMap(NetworkConfigBackend::hostName));
    }

    private void patch(RoutingContext ctx, Principal p) {
        NetworkConfigBackend backend = config.orElseThrow();
        String id = ctx.pathParam("interfaceId");
        MachineNetwork.Snapshot s = network.get();
        MachineNetwork.Interface i = s.find(id)
                .orElseThrow(() -> RedfishError.of(BaseMessage.ResourceNotFound, "EthernetInterface", id)
                        .exception());
        ObjectNode current = view(s, i);
        ObjectNode body = Bodies.object(ctx);
        ETags.checkIfMatch(ctx, current);
        if (PatchSpec.annotationsOnly(body)) {
            throw RedfishError.of(BaseMessage.NoOperation).exception();
        }
        NetworkPatch.merge(body, base(backend, s, i), current, i.loopback()); // every 400 before any work
        // merged again against what is configured when its turn comes: PATCHes are applied one after the other
        // (ordered), so one does not undo a concurrent one's other properties
        ctx.vertx()
                .executeBlocking(
                        () -> {
                            backend.apply(
                                    i.name(), NetworkPatch.merge(body, base(backend, s, i), current, i.loopback()));
                            return true;
                        },
                        true)
                .onComplete(r -> {
                    if (r.failed() && r.cause() instanceof RedfishException e) {
                        Responses.error(ctx, e.error());
                        return;
                    }
                    if (r.failed()) {
                        LOG.warn(
                                "PATCH {}: not applied: {}",
                                ctx.normalizedPath(),
                                r.cause().getMessage());
                        Responses.error(ctx, RedfishError.of(BaseMessage.InternalError));
                        return;
                    }
                    MachineNetwork.Snapshot after = network.get();
                    Responses.resource(ctx, view(after, after.find(id).orElse(i)));
                });
    }

    private static NetworkSettings base(
            NetworkConfigBackend backend, MachineNetwork.Snapshot s, MachineNetwork.Interface i) {
        return backend.settings(i.name())
                .orElseGet(() -> takeOver(s, i))
                .withHostName(Optional.of(backend.hostName().orElse(s.hostName())));
    }

    /**
     * Before the first change of an interface the backend has no settings for it: the change starts from what is in
     * use (its IPv4 addresses as static ones with the default gateway, the resolver's name servers but a loopback stub,
     * DHCP off), so that
     * changing one property does not take the others away.
     */
    static NetworkSettings takeOver(MachineNetwork.Snapshot s, MachineNetwork.Interface i) {
        List<NetworkSettings.StaticIpv4> v4 = new ArrayList<>();
        boolean gateway = false;
        for (MachineNetwork.Ipv4 a : i.ipv4()) {
            int prefix = NetworkPatch.prefixOf(a.subnetMask());
            if (prefix < 1 || !NetworkPatch.usableIpv4(a.address())) {
                continue;
            }
            Optional<String> g = gateway ? Optional.empty() : a.gateway();
            gateway |= g.isPresent();
            v4.add(new NetworkSettings.StaticIpv4(a.address(), prefix, g));
        }
        int dot = s.fqdn().indexOf('.');
        return new NetworkSettings(
                Optional.of(s.hostName()),
                dot < 0 ? Optional.empty() : Optional.of(s.fqdn().substring(dot + 1)),
                s.nameServers().stream()
                        .filter(NetworkPatch::usableNameServer) // not a local stub such as 127.0.0.53
                        .limit(NetworkPatch.MAX_NAME_SERVERS)
                        .toList(),
                new NetworkSettings.Dhcpv4(false, true, true, false),
                false,
                v4);
    }

    static ObjectNode render(
            MachineNetwork.Snapshot s,
            MachineNetwork.Interface i,
            Optional<NetworkSettings> conf,
            Optional<String> configuredHost) {
        ObjectNode n = Json.resource(BASE + "/" + i.id(), Schema.ETHERNET_INTERFACE, i.id(), i.name());
        n.put("Description", i.loopback() ? "Loopback interface" : "Network interface " + i.name());
        n.put("MACAddress", i.mac());
        n.put("InterfaceEnabled", i.up());
        n.put("LinkStatus", i.up() ? "LinkUp" : "LinkDown");
        if (i.speedMbps().isPresent()) {
            n.put("SpeedMbps", i.speedMbps().getAsInt());
        } else {
            n.putNull("SpeedMbps");
        }
        n.put("MTUSize", i.mtu());
        String host = configuredHost.orElse(s.hostName());
        n.put("HostName", host);
        Optional<String> domain = conf.flatMap(NetworkSettings::domainName);
        n.put("FQDN", fqdn(s, host, conf, domain));
        ArrayNode ns = n.putArray("NameServers");
        s.nameServers().forEach(ns::add);
        ArrayNode v4 = n.putArray("IPv4Addresses");
        for (MachineNetwork.Ipv4 a : i.ipv4()) {
            ObjectNode o = v4.addObject().put("Address", a.address()).put("SubnetMask", a.subnetMask());
            Optional<String> origin = origin(i, a, conf);
            origin.ifPresentOrElse(x -> o.put("AddressOrigin", x), () -> o.putNull("AddressOrigin"));
            a.gateway().ifPresentOrElse(g -> o.put("Gateway", g), () -> o.putNull("Gateway"));
        }
        conf.ifPresent(c -> configured(n, c));
        ArrayNode v6 = n.putArray("IPv6Addresses");
        for (MachineNetwork.Ipv6 a : i.ipv6()) {
            ObjectNode o = v6.addObject().put("Address", a.address()).put("PrefixLength", a.prefixLength());
            a.origin().ifPresentOrElse(x -> o.put("AddressOrigin", x), () -> o.putNull("AddressOrigin"));
            a.state().ifPresentOrElse(x -> o.put("AddressState", x), () -> o.putNull("AddressState"));
        }
        n.putObject("Status").put("State", i.up() ? "Enabled" : "Disabled").put("Health", "OK");
        return n;
    }

    /**
     * The configured domain after the host name; an interface the backend configured without a domain has none; one
     * it never configured shows the kernel's domain (if any) after the host name.
     */
    private static String fqdn(
            MachineNetwork.Snapshot s, String host, Optional<NetworkSettings> conf, Optional<String> domain) {
        if (domain.isPresent()) {
            return host + "." + domain.get();
        }
        if (conf.isPresent()) {
            return host;
        }
        int dot = s.fqdn().indexOf('.');
        return dot < 0 ? host : host + s.fqdn().substring(dot);
    }

    /** The properties the backend configured (read back from it): static addresses, name servers, DHCP. */
    private static void configured(ObjectNode n, NetworkSettings c) {
        ObjectNode dhcp4 = n.putObject("DHCPv4");
        dhcp4.put("DHCPEnabled", c.dhcpv4().enabled());
        dhcp4.put("UseDNSServers", c.dhcpv4().useDnsServers());
        dhcp4.put("UseGateway", c.dhcpv4().useGateway());
        dhcp4.put("UseDomainName", c.dhcpv4().useDomainName());
        n.putObject("DHCPv6").put("OperatingMode", c.dhcpv6() ? "Enabled" : "Disabled");
        ArrayNode dns = n.putArray("StaticNameServers");
        c.staticNameServers().forEach(dns::add);
        ArrayNode st = n.putArray("IPv4StaticAddresses");
        for (NetworkSettings.StaticIpv4 a : c.ipv4Static()) {
            ObjectNode o =
                    st.addObject().put("Address", a.address()).put("SubnetMask", MachineNetwork.mask(a.prefixLength()));
            a.gateway().ifPresentOrElse(g -> o.put("Gateway", g), () -> o.putNull("Gateway"));
        }
    }

    /**
     * How an address in use came to be: Static on the loopback and for an address the backend configured,
     * IPv4LinkLocal for 169.254/16, DHCP when the backend enabled DHCPv4 on the interface; unknown (null) otherwise.
     */
    static Optional<String> origin(MachineNetwork.Interface i, MachineNetwork.Ipv4 a, Optional<NetworkSettings> conf) {
        if (i.loopback()) {
            return Optional.of("Static");
        }
        if (a.address().startsWith("169.254.")) {
            return Optional.of("IPv4LinkLocal");
        }
        if (conf.isPresent()) {
            if (conf.get().ipv4Static().stream().anyMatch(x -> x.address().equals(a.address()))) {
                return Optional.of("Static");
            }
            if (conf.get().dhcpv4().enabled()) {
                return Optional.of("DHCP");
            }
        }
        return Optional.empty();
    }
}
