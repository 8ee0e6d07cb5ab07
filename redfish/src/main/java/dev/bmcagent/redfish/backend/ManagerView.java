package dev.bmcagent.redfish.backend;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The BMC itself.
 *
 * @param firmwareVersion FirmwareVersion
 * @param uuid            ServiceRoot / Manager UUID (stable across restarts)
 * @param ipmiPort        IPMI RMCP+ UDP port (NetworkProtocol.IPMI.Port)
 * @param httpsPort       Redfish HTTPS port (NetworkProtocol.HTTPS.Port)
 * @param dateTime        the BMC's current time
 */
public record ManagerView(String firmwareVersion, UUID uuid, int ipmiPort, int httpsPort, Instant dateTime) {
    public ManagerView {
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(dateTime, "dateTime");
        if (ipmiPort < 0 || ipmiPort > 0xFFFF || httpsPort < 0 || httpsPort > 0xFFFF) {
            throw new IllegalArgumentException("port out of range");
        }
    }
}
