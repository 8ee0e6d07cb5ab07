package dev.bmcagent.core.ipmiport;

import dev.bmcagent.acpi.lifecycle.BootInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the interface of a network boot error (sensor type 1Eh, docs/HOST-INTERFACE.md): with event data 1 bits 7:6
 * = 10b, ED2 is the 0-based interface index across the host's NICs and ED3 the protocol (bit 2 iPXE, bit 1 HTTP(S),
 * neither PXE; bit 0 IPv6, clear IPv4), see {@link BootInterface}.
 *
 * <p>Resolution against the host's last reported boot order: the NICs are the distinct adapter identities (the
 * text after the last {@code " - "}, e.g. {@code "50:00:E6:8F:4F:32 P1"}) of the network options, numbered in order
 * of first appearance; the option of NIC {@code ED2} with the event's protocol is the name. That numbering equals
 * the firmware's when the options were created per NIC in port order (EDK2 does); otherwise, or without a report,
 * the name is {@code "NIC<n> <PXE|HTTP(S)|iPXE> <IPv4|IPv6>"}. Without the OEM encoding the name is empty (unknown).
 */
public final class BootErrorNames {
    private BootErrorNames() {}

    public static String interfaceName(int data1, int data2, int data3, List<String> bootOrder) {
        Optional<BootInterface> decoded = BootInterface.decode(data1, data2, data3);
        if (decoded.isEmpty()) {
            return "";
        }
        BootInterface iface = decoded.get();
        List<String> nics = new ArrayList<>();
        for (String option : bootOrder) {
            if (isNetwork(option)) {
                String nic = identity(option);
                if (!nics.contains(nic)) {
                    nics.add(nic);
                }
            }
        }
        if (iface.index() < nics.size()) {
            String nic = nics.get(iface.index());
            for (String option : bootOrder) {
                if (isNetwork(option)
                        && identity(option).equals(nic)
                        && protocol(option) == iface.protocol()
                        && (iface.ipVersion() == BootInterface.IpVersion.IPv6)
                                == option.toUpperCase(Locale.ROOT).contains("IPV6")) {
                    return option;
                }
            }
        }
        return iface.describe();
    }

    /** The protocol an option's display string names: iPXE, else HTTP(S), else PXE. */
    static BootInterface.Protocol protocol(String option) {
        String u = option.toUpperCase(Locale.ROOT);
        return u.contains("IPXE")
                ? BootInterface.Protocol.IPXE
                : u.contains("HTTP") ? BootInterface.Protocol.HTTP : BootInterface.Protocol.PXE;
    }

    private static boolean isNetwork(String option) {
        String u = option.toUpperCase(Locale.ROOT);
        return (u.contains("HTTP") || u.contains("PXE")) && option.contains(" - ");
    }

    private static String identity(String option) {
        return option.substring(option.lastIndexOf(" - ") + 3);
    }
}
