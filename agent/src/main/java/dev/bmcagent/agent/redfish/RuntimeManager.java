package dev.bmcagent.agent.redfish;

import dev.bmcagent.redfish.backend.ManagerBackend;
import dev.bmcagent.redfish.backend.ManagerView;
import dev.bmcagent.redfish.backend.ResetType;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * The BMC as Managers/bmc: firmware version, UUID, the IPMI and HTTPS ports it serves, its clock. A BMC reset is
 * not offered by the agent (it is a process, restarted by its supervisor): Manager.Reset is refused.
 */
final class RuntimeManager implements ManagerBackend {
    private final String firmwareVersion;
    private final UUID uuid;
    private final int ipmiPort;
    private final int httpsPort;
    private final Clock clock;

    RuntimeManager(String firmwareVersion, UUID uuid, int ipmiPort, int httpsPort, Clock clock) {
        this.firmwareVersion = Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.ipmiPort = ipmiPort;
        this.httpsPort = httpsPort;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ManagerView manager() {
        return new ManagerView(firmwareVersion, uuid, ipmiPort, httpsPort, clock.instant());
    }

    @Override
    public boolean reset(ResetType type) {
        return false;
    }
}
