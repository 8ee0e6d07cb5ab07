package dev.bmcagent.redfish.testing;

import dev.bmcagent.redfish.backend.AssetIdentity;
import dev.bmcagent.redfish.backend.ChassisBackend;
import dev.bmcagent.redfish.backend.ChassisView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryChassis implements ChassisBackend {
    private final Map<String, ChassisView> chassis = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();

    public void put(ChassisView v) {
        if (!order.contains(v.id())) {
            order.add(v.id());
        }
        chassis.put(v.id(), v);
    }

    @Override
    public List<String> chassisIds() {
        return List.copyOf(order);
    }

    @Override
    public Optional<ChassisView> chassis(String id) {
        return Optional.ofNullable(chassis.get(id));
    }

    /** The test FRU: chassis serial CH-TEST-7 and part number CHP-0042. */
    @Override
    public Optional<AssetIdentity> identity(String id) {
        return chassis.containsKey(id)
                ? Optional.of(new AssetIdentity("Test Vendor", "Test Server 9", "CH-TEST-7", "CHP-0042", "SKU-0042"))
                : Optional.empty();
    }
}
