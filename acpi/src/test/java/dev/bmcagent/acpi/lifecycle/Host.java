package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.progress.BootPhase;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Test driver: one host, a hand-advanced clock, every effect and event kept. */
final class Host {
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    final HostLifecycle lifecycle;
    HostState state;
    Instant now = T0;
    final List<Effect> effects = new ArrayList<>();
    List<Effect> last = List.of();

    Host(LifecyclePolicy policy) {
        this.lifecycle = new DefaultHostLifecycle(policy);
        this.state = HostState.initial(T0);
    }

    Host() {
        this(LifecyclePolicy.defaults());
    }

    Host feed(LifecycleInput input) {
        Transition t = lifecycle.apply(state, input, now);
        state = t.state();
        last = t.effects();
        effects.addAll(last);
        return this;
    }

    Host after(Duration d) {
        now = now.plus(d);
        return this;
    }

    Host seconds(long s) {
        return after(Duration.ofSeconds(s));
    }

    Host powerOn() {
        return feed(new LifecycleInput.PowerGood(true));
    }

    Host powerOff() {
        return feed(new LifecycleInput.PowerGood(false));
    }

    Host acpi(AcpiSystemState s) {
        AcpiDeviceState d = s == AcpiSystemState.S0_G0_D0
                ? AcpiDeviceState.D0
                : s == AcpiSystemState.S2_D2 ? AcpiDeviceState.D2 : AcpiDeviceState.D3;
        return feed(new LifecycleInput.AcpiReported(Optional.of(s), Optional.of(d)));
    }

    Host efi(BootPhase phase) {
        return feed(new LifecycleInput.Progress(phase.efiStatusCode()));
    }

    Host post(int code) {
        return feed(new LifecycleInput.Progress(new ProgressCode.PostCode(code)));
    }

    Host ipmi(int ed2) {
        return feed(new LifecycleInput.Progress(new ProgressCode.IpmiFirmwareProgress(ed2)));
    }

    Host tick() {
        return feed(new LifecycleInput.Tick());
    }

    <T extends LifecycleEvent> List<T> events(Class<T> type) {
        return events(effects, type);
    }

    static <T extends LifecycleEvent> List<T> events(List<Effect> effects, Class<T> type) {
        return effects.stream()
                .filter(Effect.Emit.class::isInstance)
                .map(e -> ((Effect.Emit) e).event())
                .filter(type::isInstance)
                .map(type::cast)
                .collect(Collectors.toList());
    }

    static List<SelEvent> sel(List<Effect> effects) {
        return effects.stream()
                .filter(Effect.AppendSel.class::isInstance)
                .map(e -> ((Effect.AppendSel) e).event())
                .collect(Collectors.toList());
    }

    /** Compact, ordered rendering of effects for table tests. */
    static String describe(List<Effect> effects) {
        return effects.stream().map(Host::describe).collect(Collectors.joining(" "));
    }

    static String describe(Effect e) {
        if (e instanceof Effect.AppendSel a) {
            SelEvent s = a.event();
            String d = String.format(Locale.ROOT, "SEL:%02X/%02X", s.sensor().sensorType(), s.offset());
            return s.eventData2() == SelEvent.UNSPECIFIED ? d : d + String.format(Locale.ROOT, ":%02X", s.eventData2());
        } else if (e instanceof Effect.SetGate g) {
            return "GATE:" + g.gate() + (g.open() ? "=open" : "=closed");
        } else if (e instanceof Effect.SetFanMode f) {
            return "FAN:" + f.mode();
        } else if (e instanceof Effect.HostPowerAction p) {
            return "POWER:" + p.action();
        } else if (e instanceof Effect.ApplyBootOrder) {
            return "APPLY";
        } else if (e instanceof Effect.Emit emit) {
            return emit.event().getClass().getSimpleName();
        } else if (e instanceof Effect.RecordMemory) {
            return "MEMORY";
        }
        throw new IllegalArgumentException(e.toString());
    }
}
