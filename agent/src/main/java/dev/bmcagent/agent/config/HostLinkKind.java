package dev.bmcagent.agent.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a host's signals come from and its power actions go ({@code hostLink:} key).
 * {@link #VM}: the VM-protocol host interface (QEMU's ipmi-bmc-extern, the simulator) on {@code hostPort + i}.
 * {@link #DBUS}: OpenBMC's D-Bus (phosphor services); needs the {@code openbmc} module on the classpath and the
 * {@code openbmc:} section (docs/OPENBMC.md).
 */
public enum HostLinkKind {
    VM,
    DBUS;

    /** The YAML spelling: {@code vm} or {@code dbus}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static HostLinkKind of(String key) {
        for (HostLinkKind k : values()) {
            if (k.key().equalsIgnoreCase(key)) {
                return k;
            }
        }
        throw new ConfigException("hostLink", "'" + key + "' is not a host link (allowed: vm, dbus)");
    }
}
