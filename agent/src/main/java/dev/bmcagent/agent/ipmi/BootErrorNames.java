package dev.bmcagent.agent.ipmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names the interface of a network boot error (sensor type 1Eh, docs/SIMULATOR.md): with event data 1 bits 7:6 =
 * 10b, ED2 is the 0-based interface index across the host's NICs and ED3 the protocol (bit 1 HTTP(S), clear PXE;
 * bit 0 IPv6, clear IPv4).
 *
 * <p>Resolution against the host's last reported boot order: the NICs are the distinct adapter identities (the
 * text after the last {@code " - "}, e.g. {@code "50:00:E6:8F:4F:32 P1"}) of the network options, numbered in order
 * of first appearance; the option of NIC {@code ED2} with the event's protocol is the name. That numbering equals
 * the firmware's when the options were created per NIC in port order (EDK2 does); otherwise, or without a report,
 * the name is {@code "NIC<n> <HTTP|PXE> <IPv4|IPv6>"}. Without the OEM encoding the name is empty (unknown).
 */
public final class BootErrorNames {
    private static final int ED2_OEM = 0x80;

    private BootErrorNames() {
    }

    public static String interfaceName(int data1, int data2, int data3, List<String> bootOrder) {
        if ((data1 & 0xC0) != ED2_OEM || data2 == 0xFF) {
            return "";
        }
        boolean http = (data3 & 0x02) != 0;
        boolean ipv6 = (data3 & 0x01) != 0;
        List<String> nics = new ArrayList<>();
        for (String option : bootOrder) {
            if (isNetwork(option)) {
                String nic = identity(option);
                if (!nics.contains(nic)) {
                    nics.add(nic);
                }
            }
        }
        if (data2 < nics.size()) {
            String nic = nics.get(data2);
            for (String option : bootOrder) {
                if (isNetwork(option) && identity(option).equals(nic) && http == isHttp(option)
                        && ipv6 == option.toUpperCase(Locale.ROOT).contains("IPV6")) {
                    return option;
                }
            }
        }
        return String.format(Locale.ROOT, "NIC%d %s %s", data2, http ? "HTTP" : "PXE", ipv6 ? "IPv6" : "IPv4");
    }

    private static boolean isHttp(String option) {
        return option.toUpperCase(Locale.ROOT).contains("HTTP");
    }

    private static boolean isNetwork(String option) {
        String u = option.toUpperCase(Locale.ROOT);
        return (u.contains("HTTP") || u.contains("PXE")) && option.contains(" - ");
    }

    private static String identity(String option) {
        return option.substring(option.lastIndexOf(" - ") + 3);
    }
}
