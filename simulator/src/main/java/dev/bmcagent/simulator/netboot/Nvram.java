package dev.bmcagent.simulator.netboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's UEFI boot variables: the boot options (Boot####) and BootOrder. Owned by one host, touched only on
 * its scheduler's thread.
 */
public final class Nvram {
    private final List<NetworkPort> ports;
    private final Optional<String> diskModel;
    private List<BootOption> bootOrder;
    private int nextNumber;

    /** A factory-fresh NVRAM: one option per (port, HTTP/PXE, IPv4/IPv6), optional disk, vendor default order. */
    public Nvram(List<NetworkPort> ports, Optional<String> diskModel) {
        this.ports = List.copyOf(ports);
        this.diskModel = Objects.requireNonNull(diskModel, "diskModel");
        this.bootOrder = DeclaredOrder.vendorDefault(createAll());
    }

    private List<BootOption> createAll() {
        List<BootOption> all = new ArrayList<>(createNetworkOptions());
        diskModel.ifPresent(m -> all.add(BootOption.disk(nextNumber++, m)));
        return all;
    }

    /** Network options in enumeration order: per port, HTTPS IPv4, HTTPS IPv6, PXE IPv4, PXE IPv6. */
    private List<BootOption> createNetworkOptions() {
        List<BootOption> out = new ArrayList<>();
        for (NetworkPort port : ports) {
            out.add(BootOption.network(nextNumber++, port, BootOption.Kind.HTTP, false));
            out.add(BootOption.network(nextNumber++, port, BootOption.Kind.HTTP, true));
            out.add(BootOption.network(nextNumber++, port, BootOption.Kind.PXE, false));
            out.add(BootOption.network(nextNumber++, port, BootOption.Kind.PXE, true));
        }
        return out;
    }

    public List<BootOption> bootOrder() {
        return bootOrder;
    }

    public List<NetworkPort> ports() {
        return ports;
    }

    /** Writes BootOrder; it must be a permutation of the current options. */
    public void writeBootOrder(List<BootOption> order) {
        if (order.size() != bootOrder.size() || !order.containsAll(bootOrder)) {
            throw new IllegalArgumentException("BootOrder must be a permutation of the existing options");
        }
        bootOrder = List.copyOf(order);
    }

    /** NVRAM reset (e.g. by a BIOS update): options re-created with new numbers, vendor default order. */
    public void resetToDefaults() {
        bootOrder = DeclaredOrder.vendorDefault(createAll());
    }

    /**
     * Boot-option refresh as EDK2 does it after a NIC or firmware change: network options are deleted and re-created
     * with new numbers, appended at the end of BootOrder in enumeration order.
     */
    public void refreshNetworkOptions() {
        List<BootOption> kept = new ArrayList<>();
        for (BootOption o : bootOrder) {
            if (!o.isNetwork()) {
                kept.add(o);
            }
        }
        kept.addAll(createNetworkOptions());
        bootOrder = List.copyOf(kept);
    }
}
