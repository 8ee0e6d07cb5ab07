package dev.bmcagent.redfish.testing;

import dev.bmcagent.redfish.backend.ManagerBackend;
import dev.bmcagent.redfish.backend.ManagerView;
import dev.bmcagent.redfish.backend.ResetType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryManager implements ManagerBackend {
    public static final UUID UUID_ = UUID.fromString("5a1e0b6c-1234-4d2e-9f00-00c0ffee0001");
    private final Clock clock;
    public final List<ResetType> resets = new CopyOnWriteArrayList<>();

    public InMemoryManager(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ManagerView manager() {
        return new ManagerView("0.1.0-test", UUID_, 6230, 8443, clock.instant());
    }

    @Override
    public boolean reset(ResetType type) {
        if (type != ResetType.GracefulRestart && type != ResetType.ForceRestart) {
            return false;
        }
        resets.add(type);
        return true;
    }
}
