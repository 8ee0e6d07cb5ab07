package dev.bmcagent.mqtt.telemetry;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.InMemoryEventHistory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real EventStream over an in-memory history plus a hand-kept live state per host, for telemetry tests. */
public final class TelemetryFixture implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    public final InMemoryEventHistory history = new InMemoryEventHistory();
    public final SystemScheduler scheduler = new SystemScheduler("telemetry-test");
    final ExecutorService delivery = Executors.newSingleThreadExecutor();
    final EventStream stream;
    final Map<String, HostState> states = new ConcurrentHashMap<>();

    public TelemetryFixture(String sessionId, List<String> hosts) {
        stream = new EventStream(history, scheduler.clock(), System::nanoTime, sessionId, delivery);
        hosts.forEach(h -> states.put(h, HostState.initial(T0)));
    }

    public static MqttOptions options(String uri, Path dataDir) {
        return MqttOptions.of(URI.create(uri), "lab1", "bmc7", dataDir)
                .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500));
    }

    public MqttTelemetry telemetry(MqttOptions o) {
        return new MqttTelemetry(o, stream, history, states::get, List.copyOf(states.keySet()), scheduler);
    }

    /** Powers the host on into firmware init (S2_D2) and publishes the matching events. */
    public void powerOnToMemoryInit(String host) {
        HostState s = states.get(host);
        Instant t = T0.plusSeconds(1);
        BootProgress mem =
                new BootProgress(BootProgressState.MemoryInitializationStarted, Optional.empty(), t, Optional.empty());
        states.put(
                host,
                new HostState(
                        true,
                        true,
                        AcpiSystemState.S2_D2,
                        AcpiDeviceState.D2,
                        false,
                        t,
                        mem,
                        s.cycle(),
                        1,
                        s.closedGates(),
                        s.fanMode(),
                        s.failedSensors(),
                        s.alerts(),
                        s.reconcile(),
                        s.memory(),
                        s.stalledFans(),
                        s.reported()));
        publish(host, new LifecycleEvent.PowerChanged(true, "power button", t));
        publish(host, new LifecycleEvent.AcpiChanged(AcpiSystemState.S2_D2, AcpiDeviceState.D2, false, "host", t));
        publish(host, new LifecycleEvent.BootProgressChanged(mem, t));
    }

    public void raise(String host, Alert a) {
        HostState s = states.get(host);
        Map<AlertKind, Alert> alerts = new EnumMap<>(AlertKind.class);
        alerts.putAll(s.alerts());
        alerts.put(a.kind(), a);
        states.put(host, withAlerts(s, alerts));
        publish(host, new LifecycleEvent.AlertRaised(a, a.raisedAt()));
    }

    public void clear(String host, AlertKind kind) {
        HostState s = states.get(host);
        Map<AlertKind, Alert> alerts = new EnumMap<>(AlertKind.class);
        alerts.putAll(s.alerts());
        alerts.remove(kind);
        states.put(host, withAlerts(s, alerts));
        publish(host, new LifecycleEvent.AlertCleared(kind, "OS running", T0.plusSeconds(900)));
    }

    public HostEvent publish(String host, LifecycleEvent e) {
        return stream.publish(host, e);
    }

    public HostEvent postCode(String host, int code) {
        return publish(host, new LifecycleEvent.PostCodeSeen(code, T0.plusSeconds(2)));
    }

    private static HostState withAlerts(HostState s, Map<AlertKind, Alert> alerts) {
        return new HostState(
                s.connected(),
                s.powerOn(),
                s.system(),
                s.device(),
                s.acpiInferred(),
                s.acpiChangedAt(),
                s.progress(),
                s.cycle(),
                s.bootCycles(),
                s.closedGates(),
                s.fanMode(),
                s.failedSensors(),
                alerts,
                s.reconcile(),
                s.memory(),
                s.stalledFans(),
                s.reported());
    }

    @Override
    public void close() {
        delivery.shutdownNow();
        scheduler.close();
    }
}
