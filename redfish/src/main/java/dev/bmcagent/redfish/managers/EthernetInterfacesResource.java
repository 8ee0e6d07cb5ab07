package dev.bmcagent.redfish.managers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.redfish.backend.PrivilegeType;
import dev.bmcagent.redfish.http.BaseMessage;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.RedfishError;
import dev.bmcagent.redfish.http.Responses;
import dev.bmcagent.redfish.http.Routes;
import dev.bmcagent.redfish.http.Schema;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code Managers/bmc/EthernetInterfaces}: the machine's real network interfaces ({@link MachineNetwork}), read-only.
 * An interface without a hardware address (loopback) shows 00:00:00:00:00:00 as Linux does; what the machine cannot
 * tell (link speed of a virtual link, a gateway, how an address was configured) is null, never guessed.
 */
public final class EthernetInterfacesResource {

    static final String BASE = ManagerResource.BMC + "/EthernetInterfaces";

    private final Supplier<MachineNetwork.Snapshot> network;

    public EthernetInterfacesResource(Supplier<MachineNetwork.Snapshot> network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    public void register(Routes routes) {
        routes.get("/redfish/v1/Managers/bmc/EthernetInterfaces", PrivilegeType.Login, (ctx, p) ->
                Responses.resource(ctx, Json.collection(BASE, Schema.ETHERNET_INTERFACE_COLLECTION,
                        "Ethernet Interface Collection", network.get().interfaces().stream()
                                .map(i -> BASE + "/" + i.id()).toList())));
        routes.get("/redfish/v1/Managers/bmc/EthernetInterfaces/:interfaceId", PrivilegeType.Login, (ctx, p) -> {
            String id = ctx.pathParam("interfaceId");
            MachineNetwork.Snapshot s = network.get();
            MachineNetwork.Interface i = s.find(id).orElseThrow(() ->
                    RedfishError.of(BaseMessage.ResourceNotFound, "EthernetInterface", id).exception());
            Responses.resource(ctx, render(s, i));
        });
    }

    static ObjectNode render(MachineNetwork.Snapshot s, MachineNetwork.Interface i) {
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
        n.put("HostName", s.hostName());
        n.put("FQDN", s.fqdn());
        ArrayNode ns = n.putArray("NameServers");
        s.nameServers().forEach(ns::add);
        ArrayNode v4 = n.putArray("IPv4Addresses");
        for (MachineNetwork.Ipv4 a : i.ipv4()) {
            ObjectNode o = v4.addObject().put("Address", a.address()).put("SubnetMask", a.subnetMask());
            if (i.loopback()) {
                o.put("AddressOrigin", "Static");
            } else {
                o.putNull("AddressOrigin");   // DHCP or static: the agent does not configure addresses
            }
            a.gateway().ifPresentOrElse(g -> o.put("Gateway", g), () -> o.putNull("Gateway"));
        }
        ArrayNode v6 = n.putArray("IPv6Addresses");
        for (MachineNetwork.Ipv6 a : i.ipv6()) {
            ObjectNode o = v6.addObject().put("Address", a.address()).put("PrefixLength", a.prefixLength());
            a.origin().ifPresentOrElse(x -> o.put("AddressOrigin", x), () -> o.putNull("AddressOrigin"));
            a.state().ifPresentOrElse(x -> o.put("AddressState", x), () -> o.putNull("AddressState"));
        }
        n.putObject("Status").put("State", i.up() ? "Enabled" : "Disabled").put("Health", "OK");
        return n;
    }
}
