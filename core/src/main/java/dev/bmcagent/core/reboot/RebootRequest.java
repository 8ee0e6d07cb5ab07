package dev.bmcagent.core.reboot;

import java.util.Objects;

/**
 * A request to reboot one host.
 *
 * @param hostId e.g. "host7"
 * @param reason why the agent wants to reboot it ("boot-order re-apply", "firmware BIOS")
 */
public record RebootRequest(String hostId, String reason) {
    public RebootRequest {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(reason, "reason");
    }
}
