package dev.bmcagent.agent.redfishport;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.core.node.HostInputs;
import dev.bmcagent.core.node.HostOperations;
import dev.bmcagent.core.node.HostView;
import dev.bmcagent.ipmi.command.chassis.BootFlags;
import dev.bmcagent.ipmi.command.chassis.BootMailbox;
import dev.bmcagent.journal.SettingsStore;
import dev.bmcagent.redfish.backend.AcpiView;
import dev.bmcagent.redfish.backend.AssetIdentity;
import dev.bmcagent.redfish.backend.BootOptionView;
import dev.bmcagent.redfish.backend.BootOverride;
import dev.bmcagent.redfish.backend.BootSource;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.PowerState;
import dev.bmcagent.redfish.backend.ProcessorSummaryView;
import dev.bmcagent.redfish.backend.ResetType;
import dev.bmcagent.redfish.backend.SystemPatch;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.backend.SystemsBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hosts as ComputerSystems, read from each host's {@link HostView} (lifecycle snapshot and its host-reported data
 * (boot order, memory report). Writes never wait: the boot override goes to the host's shared
 * {@code BootOptionsStore} (the one IPMI {@code chassis bootdev} writes and the host reads at POST) and the
 * Redfish-only settings to the {@link SettingsStore}, both on the {@link StoreWriter}; until a write is done the
 * value written is shown. Oem.BmcAgent.BootOrderPatterns is the declared order itself (a PATCHed BootOrder shows
 * there as exact-match patterns), and Boot.BootOrder lists, per declared pattern, every reported option it matches.
 * HttpBootUri also goes into the boot initiator mailbox (boot option parameter 7) of that
 * store, where the host reads it. A PATCHed BootOrder and Reset are queued on the host's lifecycle
 * ({@code BootOrderDeclared}, {@code PowerCommand}).
 *
 * <p>Not reported by hosts yet, so shown empty rather than invented: BiosVersion "", ProcessorSummary 0/0/"".
 * MemorySummary is the host's last OEM 30h/14h report (0 before one). UUID is derived from the BMC's UUID and the
 * host id (stable), not the SMBIOS UUID.
 */
final class RuntimeSystems implements SystemsBackend {
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final StoreWriter writer;
    private final Optional<AssetIdentity> identity;
    private final SettingsStore settings;

    /**
     * @param nodes the hosts: read ({@link HostView}), asked ({@link HostInputs}) and operated ({@link HostOperations})
     */
    <N extends HostView & HostInputs & HostOperations> RuntimeSystems(
            List<N> nodes, SettingsStore settings, UUID bmcUuid, StoreWriter writer, Optional<AssetIdentity> identity) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.writer = Objects.requireNonNull(writer, "writer");
        for (N n : nodes) {
            HostSettings s = settings.get(HostSettings.key(n.index()))
                    .map(HostSettings::fromJson)
                    .orElse(HostSettings.defaults());
            UUID uuid = UUID.nameUUIDFromBytes((bmcUuid + "/" + n.hostId()).getBytes(StandardCharsets.UTF_8));
            hosts.put(n.hostId(), new Host(n, n, n, uuid, s));
        }
    }

    @Override
    public List<String> systemIds() {
        return List.copyOf(hosts.keySet());
    }

    @Override
    public Set<BootSource> bootSources() {
        return BootOverrideCodec.SUPPORTED;
    }

    /** Every host shows the one FRU inventory the BMC serves over IPMI (the FRU is shared by hosts). */
    @Override
    public Optional<AssetIdentity> identity(String id) {
        return hosts.containsKey(id) ? identity : Optional.empty();
    }

    @Override
    public Optional<SystemView> system(String id) {
        return Optional.ofNullable(hosts.get(id)).map(Host::view);
    }

    @Override
    public List<dev.bmcagent.redfish.backend.DimmView> memory(String id) {
        Host h = hosts.get(id);
        return h == null
                ? List.of()
                : h.view.state().memory().dimms().stream()
                        .map(d -> new dev.bmcagent.redfish.backend.DimmView(
                                d.slot(), d.present(), d.lost(), d.capacityMiB()))
                        .toList();
    }

    @Override
    public boolean patch(String id, SystemPatch p) {
        Host h = hosts.get(id);
        if (h == null) {
            return false;
        }
        Optional<List<String>> patterns = p.bootOrder().map(h::patterns).or(p::bootOrderPatterns);
        if (p.overrideTarget()
                .filter(t -> !BootOverrideCodec.SUPPORTED.contains(t))
                .isPresent()) {
            throw new IllegalArgumentException(
                    "unsupported boot source " + p.overrideTarget().get());
        }
        HostSettings s = h.settings.get();
        HostSettings next = s;
        if (p.indicatorLed().isPresent()) {
            next = next.withIndicatorLed(p.indicatorLed().get());
            h.ops.identifyLed().set(p.indicatorLed().get()); // the LED IPMI Chassis Identify drives too
        }
        if (p.assetTag().isPresent()) {
            next = next.withAssetTag(p.assetTag().get());
        }
        if (p.httpBootUri().isPresent()) {
            next = next.withHttpBootUri(p.httpBootUri().filter(u -> !u.isEmpty()));
            h.writeMailbox(p.httpBootUri().get());
        }
        if (p.overrideTarget().isPresent()
                || p.overrideEnabled().isPresent()
                || p.overrideMode().isPresent()) {
            BootOverride current = h.override(next);
            BootSource target = p.overrideTarget().orElse(current.target());
            BootFlags flags = BootOverrideCodec.encode(
                    target,
                    p.overrideEnabled().orElse(current.enabled()),
                    p.overrideMode().orElse(current.mode()));
            next = next.withUefiHttpFlags(target == BootSource.UefiHttp ? Optional.of(flags) : Optional.empty());
            h.writeFlags(flags);
        }
        if (!next.equals(s)) {
            h.writeSettings(next);
        }
        patterns.ifPresent(h::declare);
        return true;
    }

    /** What the host's power backend can do now ({@code HostPowerPort#available}). */
    @Override
    public Set<ResetType> resetTypes(String id) {
        Host h = hosts.get(id);
        Set<ResetType> out = EnumSet.noneOf(ResetType.class);
        if (h != null) {
            for (ResetType t : ResetType.values()) {
                if (h.ops.powerAvailable(action(t))) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    @Override
    public boolean reset(String id, ResetType type) {
        Host h = hosts.get(id);
        if (h == null) {
            return false;
        }
        h.inputs.submit(new LifecycleInput.PowerCommand(action(type)));
        return true;
    }

    /** Redfish ResetType → the lifecycle's power request. */
    static PowerAction action(ResetType type) {
        return switch (type) {
            case On -> PowerAction.ON;
            case ForceOff -> PowerAction.FORCE_OFF;
            case GracefulShutdown -> PowerAction.GRACEFUL_SHUTDOWN;
            case ForceRestart -> PowerAction.HARD_RESET;
            case GracefulRestart -> PowerAction.WARM_RESET;
            case PowerCycle -> PowerAction.POWER_CYCLE;
            case Nmi -> PowerAction.NMI;
        };
    }

    /** One host and what Redfish has written for it but the stores may not show yet. */
    private final class Host {
        final HostView view;
        final HostInputs inputs;
        final HostOperations ops;
        final UUID uuid;
        final BootOptionCatalog catalog = new BootOptionCatalog();
        final AtomicReference<HostSettings> settings;
        final AtomicReference<BootFlags> pendingFlags = new AtomicReference<>();
        final AtomicReference<List<String>> pendingDeclared = new AtomicReference<>();

        Host(HostView view, HostInputs inputs, HostOperations ops, UUID uuid, HostSettings initial) {
            this.view = view;
            this.inputs = inputs;
            this.ops = ops;
            this.uuid = uuid;
            this.settings = new AtomicReference<>(initial);
            ops.identifyLed().set(initial.indicatorLed()); // as Redfish last left it
        }

        BootFlags flags() {
            BootFlags pending = pendingFlags.get();
            return pending != null ? pending : ops.bootOptions().bootFlags();
        }

        BootOverride override(HostSettings s) {
            return BootOverrideCodec.decode(flags(), s.uefiHttpFlags(), s.httpBootUri());
        }

        void writeFlags(BootFlags f) {
            pendingFlags.set(f);
            writer.submit(view.hostId() + " boot flags", () -> {
                try {
                    ops.bootOptions().bootFlags(f);
                } finally {
                    pendingFlags.compareAndSet(f, null);
                }
            });
        }

        /** HttpBootUri into the boot initiator mailbox (boot option parameter 7), where the host reads it at BDS. */
        void writeMailbox(String uri) {
            byte[] content = BootMailbox.encodeUri(uri);
            writer.submit(
                    view.hostId() + " boot mailbox", () -> ops.bootOptions().mailbox(content));
        }

        void writeSettings(HostSettings s) {
            settings.set(s);
            String key = HostSettings.key(view.index());
            writer.submit(
                    view.hostId() + " settings",
                    () -> RuntimeSystems.this.settings.put(key, s.toJson()).join());
        }

        List<String> patterns(List<String> references) {
            List<String> out = new ArrayList<>(references.size());
            for (String ref : references) {
                out.add(catalog.pattern(ref)
                        .orElseThrow(
                                () -> new IllegalArgumentException(view.hostId() + ": unknown boot option " + ref)));
            }
            return out;
        }

        void declare(List<String> patterns) {
            pendingDeclared.set(patterns);
            inputs.submit(new LifecycleInput.BootOrderDeclared(patterns));
        }

        List<String> declared(HostState state) {
            List<String> pending = pendingDeclared.get();
            if (pending == null) {
                return state.reconcile().declared();
            }
            if (pending.equals(state.reconcile().declared())) {
                pendingDeclared.compareAndSet(pending, null);
            }
            return pending;
        }

        SystemView view() {
            HostState s = view.state();
            HostSettings hs = settings.get();
            List<BootOptionView> options = catalog.views(s.reported().bootOrder());
            List<String> declared = declared(s);
            List<String> order = declared.isEmpty()
                    ? options.stream().map(BootOptionView::reference).toList()
                    : BootOptionCatalog.references(declared, options);
            double memoryGiB = s.reported().memoryMiB() < 0 ? 0.0 : s.reported().memoryMiB() / 1024.0;
            return new SystemView(
                    view.hostId(),
                    view.hostId(),
                    s.powerOn() ? PowerState.On : PowerState.Off,
                    new AcpiView(s.system(), s.device(), s.acpiChangedAt(), s.acpiInferred()),
                    s.progress(),
                    view.firmware().firmwareVersions().getOrDefault("BIOS", ""), // as the host reported it
                    uuid,
                    memoryGiB,
                    processors(view.firmware().processors()),
                    ops.identifyLed().state(),
                    hs.assetTag(),
                    override(hs),
                    order,
                    options,
                    health(s),
                    declared);
        }
    }

    /**
     * ProcessorSummary from the processors the host reported (SMBIOS Type 4 through System Info D8h+n): Count the
     * sockets reported, Model the first one's; core counts are not reported (0: left out).
     */
    static ProcessorSummaryView processors(List<String> models) {
        return new ProcessorSummaryView(models.size(), 0, models.isEmpty() ? "" : models.get(0));
    }

    /** The worst severity of the host's active alerts (fan alerts concern the Chassis instead). */
    static Health health(HostState s) {
        Health worst = Health.OK;
        for (Alert a : s.alerts().values()) {
            if (a.kind() != AlertKind.FAN_FAILSAFE && a.kind() != AlertKind.FAN_STALL) {
                Health h = Health.valueOf(a.severity().name());
                if (h.compareTo(worst) > 0) {
                    worst = h;
                }
            }
        }
        return worst;
    }
}
