package dev.bmcagent.redfish.systems;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.redfish.backend.AssetIdentity;
import dev.bmcagent.redfish.backend.BootOverride;
import dev.bmcagent.redfish.backend.BootOverrideEnabled;
import dev.bmcagent.redfish.backend.BootOverrideMode;
import dev.bmcagent.redfish.backend.BootSource;
import dev.bmcagent.redfish.backend.PowerState;
import dev.bmcagent.redfish.backend.SystemView;
import dev.bmcagent.redfish.http.Json;
import dev.bmcagent.redfish.http.Schema;
import dev.bmcagent.redfish.service.OemSchemaResource;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Pure translation of a {@link SystemView} into a ComputerSystem representation. */
final class ComputerSystemJson {

    private ComputerSystemJson() {}

    static String uri(String id) {
        return "/redfish/v1/Systems/" + id;
    }

    static ObjectNode render(SystemView v, Set<BootSource> bootSources, Optional<AssetIdentity> identity) {
        String uri = uri(v.id());
        ObjectNode n = Json.resource(uri, Schema.COMPUTER_SYSTEM, v.id(), v.name());
        n.put("SystemType", "Physical");
        n.put("PowerState", v.powerState().name());
        if (!v.biosVersion().isEmpty()) { // not reported yet: absent, never ""
            n.put("BiosVersion", v.biosVersion());
        }
        identity.ifPresent(i -> identity(n, i, i.serialNumber(), i.partNumber()));
        n.put("UUID", v.uuid().toString());
        n.put("AssetTag", v.assetTag());
        n.put("IndicatorLED", v.indicatorLed().name());
        n.put("LocationIndicatorActive", v.indicatorLed().active());
        n.putObject("Status")
                .put("State", v.powerState() == PowerState.Off ? "StandbyOffline" : "Enabled")
                .put("Health", v.health().name());
        n.putObject("MemorySummary").put("TotalSystemMemoryGiB", v.memoryGiB());
        ObjectNode cpus =
                n.putObject("ProcessorSummary").put("Count", v.processors().count());
        if (v.processors().coreCount() > 0) { // 0: the host did not report core counts
            cpus.put("CoreCount", v.processors().coreCount());
        }
        if (!v.processors().model().isEmpty()) {
            cpus.put("Model", v.processors().model());
        }
        n.set("BootProgress", bootProgress(v.bootProgress()));
        n.set("Boot", boot(v, bootSources));
        n.set("LogServices", Json.link(uri + "/LogServices"));
        n.set("Memory", Json.link(uri + "/Memory"));
        n.set("Processors", Json.link(uri + "/Processors"));
        ObjectNode reset = n.putObject("Actions").putObject("#ComputerSystem.Reset");
        reset.put("target", uri + "/Actions/ComputerSystem.Reset");
        reset.put("@Redfish.ActionInfo", uri + "/ResetActionInfo");
        ObjectNode links = n.putObject("Links");
        links.putArray("Chassis").add(Json.link("/redfish/v1/Chassis/" + v.id()));
        links.putArray("ManagedBy").add(Json.link("/redfish/v1/Managers/bmc"));
        ObjectNode oem = n.putObject("Oem").putObject("BmcAgent");
        oem.put("@odata.type", OemSchemaResource.odataType("ComputerSystem"));
        oem.put("AcpiSystemState", v.acpi().system().dbusName());
        oem.put("AcpiDeviceState", v.acpi().device().dbusName());
        oem.put("AcpiLastChange", Json.dateTime(v.acpi().lastChange()));
        oem.put("AcpiStateInferred", v.acpi().inferred());
        ArrayNode patterns = oem.putArray("BootOrderPatterns");
        v.bootOrderPatterns().forEach(patterns::add);
        return n;
    }

    /** Manufacturer, Model, SerialNumber, PartNumber, SKU (shared with Chassis, which has its own serial/part). */
    public static void identity(ObjectNode n, AssetIdentity i, String serialNumber, String partNumber) {
        n.put("Manufacturer", i.manufacturer());
        n.put("Model", i.model());
        n.put("SerialNumber", serialNumber);
        n.put("PartNumber", partNumber);
        n.put("SKU", i.sku());
    }

    /** BootProgress: OEM always carries OemLastState; LastBootTimeSeconds when a boot has completed. */
    static ObjectNode bootProgress(BootProgress p) {
        ObjectNode b = Json.object();
        b.put("LastState", p.lastState().name());
        b.put("LastStateTime", Json.dateTime(p.lastStateTime()));
        p.oemLastState().ifPresent(oem -> b.put("OemLastState", oem));
        p.lastBootTimeSeconds().ifPresent(d -> b.put("LastBootTimeSeconds", d.toMillis() / 1000.0));
        return b;
    }

    private static ObjectNode boot(SystemView v, Set<BootSource> bootSources) {
        BootOverride o = v.bootOverride();
        ObjectNode b = Json.object();
        b.put("BootSourceOverrideTarget", o.target().name());
        allowable(
                b.putArray("BootSourceOverrideTarget@Redfish.AllowableValues"),
                Arrays.stream(BootSource.values()).filter(bootSources::contains).toArray(Enum<?>[]::new));
        b.put("BootSourceOverrideEnabled", o.enabled().name());
        allowable(b.putArray("BootSourceOverrideEnabled@Redfish.AllowableValues"), BootOverrideEnabled.values());
        b.put("BootSourceOverrideMode", o.mode().name());
        allowable(b.putArray("BootSourceOverrideMode@Redfish.AllowableValues"), BootOverrideMode.values());
        b.put("UefiTargetBootSourceOverride", o.uefiTarget().orElse(""));
        b.put("HttpBootUri", o.httpBootUri().orElse(""));
        ArrayNode order = b.putArray("BootOrder");
        v.bootOrder().forEach(order::add);
        b.set("BootOptions", Json.link(uri(v.id()) + "/BootOptions"));
        return b;
    }

    private static void allowable(ArrayNode into, Enum<?>[] values) {
        for (Enum<?> e : values) {
            into.add(e.name());
        }
    }
}
