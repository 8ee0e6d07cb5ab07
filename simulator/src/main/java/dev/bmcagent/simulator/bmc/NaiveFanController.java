package dev.bmcagent.simulator.bmc;

import dev.bmcagent.core.fan.FanController;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The naive fan controller ({@code --fan-policy off}), as phosphor-pid-control behaves by default: a sensor that
 * is unavailable (gated, unpowered) while the host has power counts as failed, so every write becomes the
 * fail-safe duty while {@code unavailableWhilePowered} holds. Wraps the agent's fan output; counts its entries.
 */
public final class NaiveFanController implements FanController {
    private final FanController fans;
    private final int failSafeDuty;
    private final BooleanSupplier unavailableWhilePowered;
    private boolean failSafe;
    private long entries;

    public NaiveFanController(FanController fans, int failSafeDuty, BooleanSupplier unavailableWhilePowered) {
        this.fans = Objects.requireNonNull(fans, "fans");
        this.failSafeDuty = failSafeDuty;
        this.unavailableWhilePowered = Objects.requireNonNull(unavailableWhilePowered, "unavailableWhilePowered");
    }

    @Override
    public synchronized void setDuty(int zone, int percent) {
        boolean now = unavailableWhilePowered.getAsBoolean();
        if (now && !failSafe) {
            entries++;
        }
        failSafe = now;
        fans.setDuty(zone, now ? failSafeDuty : percent);
    }

    @Override
    public List<Integer> zones() {
        return fans.zones();
    }

    /** Times the controller went into fail-safe because a sensor was unavailable on a powered host. */
    public synchronized long failSafeEntries() {
        return entries;
    }
}
