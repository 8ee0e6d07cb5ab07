package dev.bmcagent.redfish.testing;

import dev.bmcagent.redfish.backend.BootOverride;
import dev.bmcagent.redfish.backend.BootSource;
import dev.bmcagent.redfish.backend.ResetType;
import dev.bmcagent.redfish.backend.SystemPatch;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.backend.SystemsBackend;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Systems held in a map; patches applied as the agent would; resets recorded. */
public final class InMemorySystems implements SystemsBackend {
    private final Map<String, SystemView> systems = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    public final List<String> resets = new CopyOnWriteArrayList<>();
    /** What {@link #bootSources()} answers; tests narrow it, {@code RedfishFixture.reset()} restores all. */
    public volatile Set<BootSource> bootSources = EnumSet.allOf(BootSource.class);
    /** DIMM slots per system id (Memory collection). */
    public final java.util.Map<String, List<dev.bmcagent.redfish.backend.DimmView>> dimms =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public List<dev.bmcagent.redfish.backend.DimmView> memory(String id) {
        return dimms.getOrDefault(id, List.of());
    }

    public void put(SystemView v) {
        if (!order.contains(v.id())) {
            order.add(v.id());
        }
        systems.put(v.id(), v);
    }

    @Override
    public List<String> systemIds() {
        return List.copyOf(order);
    }

    /** The test FRU: product serial SYS-TEST-7 and part number SKU-0042. */
    @Override
    public Optional<dev.bmcagent.redfish.backend.AssetIdentity> identity(String id) {
        return system(id)
                .map(v -> new dev.bmcagent.redfish.backend.AssetIdentity(
                        "Test Vendor", "Test Server 9", "SYS-TEST-7", "SKU-0042", "SKU-0042"));
    }

    @Override
    public Optional<SystemView> system(String id) {
        return Optional.ofNullable(systems.get(id));
    }

    @Override
    public Set<BootSource> bootSources() {
        return bootSources;
    }

    @Override
    public boolean patch(String id, SystemPatch p) {
        SystemView v = systems.get(id);
        if (v == null) {
            return false;
        }
        BootOverride o = v.bootOverride();
        BootOverride n = new BootOverride(
                p.overrideTarget().orElse(o.target()),
                p.overrideEnabled().orElse(o.enabled()),
                p.overrideMode().orElse(o.mode()),
                p.uefiTarget().or(o::uefiTarget),
                p.httpBootUri().or(o::httpBootUri));
        systems.put(
                id,
                new SystemView(
                        v.id(),
                        v.name(),
                        v.powerState(),
                        v.acpi(),
                        v.bootProgress(),
                        v.biosVersion(),
                        v.uuid(),
                        v.memoryGiB(),
                        v.processors(),
                        p.indicatorLed().orElse(v.indicatorLed()),
                        p.assetTag().orElse(v.assetTag()),
                        n,
                        p.bootOrder().orElse(new ArrayList<>(v.bootOrder())),
                        v.bootOptions(),
                        v.health(),
                        p.bootOrderPatterns().orElse(v.bootOrderPatterns())));
        return true;
    }

    @Override
    public boolean reset(String id, ResetType type) {
        if (!systems.containsKey(id)) {
            return false;
        }
        resets.add(id + ":" + type);
        return true;
    }
}
