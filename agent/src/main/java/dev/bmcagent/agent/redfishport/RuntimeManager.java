package dev.bmcagent.agent.redfishport;

import dev.bmcagent.journal.StorageHealth;
import dev.bmcagent.redfish.backend.ManagerBackend;
import dev.bmcagent.redfish.backend.ManagerView;
import dev.bmcagent.redfish.backend.ResetType;
import java.time.Clock;
import java.util.List;
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
    private final StorageHealth storage;

    RuntimeManager(String firmwareVersion, UUID uuid, int ipmiPort, int httpsPort, Clock clock, StorageHealth storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
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

    /** Journals that cannot be written (disk full): Status.Health Critical. */
    @Override
    public List<String> storageProblems() {
        return problems(storage);
    }

    static List<String> problems(StorageHealth storage) {
        return storage.problems().stream()
                .map(p -> p.file().getFileName() + ": " + p.message())
                .sorted()
                .toList();
    }

    @Override
    public boolean reset(ResetType type) {
        return false;
    }
}
