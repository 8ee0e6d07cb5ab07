package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import java.util.List;
import java.util.Objects;

/** What the agent must carry out after a transition. Pure data; the agent executes effects in list order. */
public sealed interface Effect {

    /** Append a record to the host's SEL. */
    record AppendSel(SelEvent event) implements Effect {
        public AppendSel {
            Objects.requireNonNull(event, "event");
        }
    }

    /** Open or close the sensor gate of a class: while closed the agent issues no read on the bus. */
    record SetGate(GateClass gate, boolean open) implements Effect {
        public SetGate {
            Objects.requireNonNull(gate, "gate");
        }
    }

    /** Put the host's fan zone into a mode. */
    record SetFanMode(FanMode mode, String reason) implements Effect {
        public SetFanMode {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Act on the host's power (through the host interface: power-off/reset/NMI ops, or the start command). */
    record HostPowerAction(LifecycleInput.PowerAction action) implements Effect {
        public HostPowerAction {
            Objects.requireNonNull(action, "action");
        }
    }

    /** Write the declared boot order into what the host reads at POST (boot options / flags). */
    record ApplyBootOrder(List<String> patterns) implements Effect {
        public ApplyBootOrder {
            patterns = List.copyOf(patterns);
        }
    }

    /** Record and publish a lifecycle event (history first, then the event stream). */
    record Emit(LifecycleEvent event) implements Effect {
        public Emit {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Keep the host's memory record (the last good boot's DIMMs and the last slot report; {@link
     * MemoryBaseline#durable()}) durably, so the next agent start restores it into the {@link HostState}.
     */
    record RecordMemory(MemoryBaseline memory) implements Effect {
        public RecordMemory {
            Objects.requireNonNull(memory, "memory");
        }
    }
}
