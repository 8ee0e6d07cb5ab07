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
    private final BootList list;
    private List<BootOption> bootOrder;
    private int nextNumber;

    /** Which network boot options the firmware creates per port. */
    public enum BootList {
        /** HTTPS IPv4, HTTPS IPv6, PXE IPv4, PXE IPv6 (firmware HTTP boot and PXE). */
        VENDOR,
        /**
         * The seeds' list: IPv4 HTTPS, IPv4 iPXE, IPv6 HTTPS, IPv6 iPXE (firmware HTTPS boot and chainloaded iPXE
         * alternate).
         */
        HTTPS_IPXE
    }

    /** A factory-fresh NVRAM: one option per (port, HTTP/PXE, IPv4/IPv6), optional disk, vendor default order. */
    public Nvram(List<NetworkPort> ports, Optional<String> diskModel) {
        this(ports, diskModel, BootList.VENDOR);
    }

    /** A factory-fresh NVRAM with {@code list}'s options per port, optional disk, vendor default order. */
    public Nvram(List<NetworkPort> ports, Optional<String> diskModel, BootList list) {
        this.ports = List.copyOf(ports);
        this.diskModel = Objects.requireNonNull(diskModel, "diskModel");
        this.list = Objects.requireNonNull(list, "list");
        this.bootOrder = DeclaredOrder.vendorDefault(createAll());
    }

    private List<BootOption> createAll() {
        List<BootOption> all = new ArrayList<>(createNetworkOptions());
        diskModel.ifPresent(m -> all.add(BootOption.disk(nextNumber++, m)));
        return all;
    }

    /**
     * Network options in enumeration order: per port, HTTPS IPv4, HTTPS IPv6, PXE IPv4, PXE IPv6 ({@code VENDOR}), or
     * HTTPS IPv4, iPXE IPv4, HTTPS IPv6, iPXE IPv6 ({@code HTTPS_IPXE}).
     */
    private List<BootOption> createNetworkOptions() {
        List<BootOption> out = new ArrayList<>();
        for (NetworkPort port : ports) {
            if (list == BootList.HTTPS_IPXE) {
                out.add(BootOption.network(nextNumber++, port, BootOption.Kind.HTTP, false));
                out.add(BootOption.network(nextNumber++, port, BootOption.Kind.IPXE, false));
                out.add(BootOption.network(nextNumber++, port, BootOption.Kind.HTTP, true));
                out.add(BootOption.network(nextNumber++, port, BootOption.Kind.IPXE, true));
                continue;
            }
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
