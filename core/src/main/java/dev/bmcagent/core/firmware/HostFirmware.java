package dev.bmcagent.core.firmware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.ipmi.command.sysinfo.SystemInfoPort;
import dev.bmcagent.ipmi.command.sysinfo.SystemInfoString;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import dev.bmcagent.ipmi.sel.SystemEvent;
import dev.bmcagent.journal.SettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one host reported through Set System Info Parameters (BIOS and NIC option-ROM versions, system and OS
 * names), with the last {@link #HISTORY} changes, kept durable in the settings store under
 * {@code firmware.host<i>} (one JSON document, last writer wins). A changed firmware version is recorded as a SEL
 * Version Change event (sensor type 2Bh, offset 07h "software or firmware change detected with associated entity
 * was successful"; event data 2 09h system firmware, 13h board/FRU component for a NIC, data 3 the NIC index) and
 * handed to the listeners (MQTT state, Redfish).
 */
public final class HostFirmware implements SystemInfoPort {
    /** Changes kept per host: enough to see the last campaigns, bounded so the document stays small. */
    public static final int HISTORY = 32;

    static final int SENSOR_TYPE_VERSION_CHANGE = 0x2B;
    static final int OFFSET_FIRMWARE_CHANGE_SUCCESSFUL = 0x07;
    static final int CHANGE_TYPE_SYSTEM_FIRMWARE = 0x09;
    static final int CHANGE_TYPE_BOARD_COMPONENT = 0x13;
    private static final Logger LOG = LoggerFactory.getLogger(HostFirmware.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String hostId;
    private final String key;
    private final SettingsStore settings;
    private final SelStore sel;
    private final Clock clock;
    private final Map<Integer, SystemInfoString> values = new TreeMap<>();
    private final Deque<FirmwareChange> history = new ArrayDeque<>();
    private final List<Consumer<FirmwareChange>> listeners = new CopyOnWriteArrayList<>();

    public HostFirmware(String hostId, SettingsStore settings, SelStore sel, Clock clock) {
        this.hostId = hostId;
        this.key = "firmware." + hostId;
        this.settings = settings;
        this.sel = sel;
        this.clock = clock;
        settings.get(key).ifPresent(this::restore);
    }

    public String hostId() {
        return hostId;
    }

    /** Called (on the reporting thread) after each change is stored. */
    public void onChange(Consumer<FirmwareChange> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized Optional<SystemInfoString> get(int parameter) {
        return Optional.ofNullable(values.get(parameter));
    }

    @Override
    public void set(int parameter, SystemInfoString value) {
        FirmwareChange change;
        synchronized (this) {
            SystemInfoString old = values.get(parameter);
            if (value.equals(old)) {
                return;
            }
            values.put(parameter, value);
            change = new FirmwareChange(
                    SystemInfoComponents.name(parameter), old == null ? "" : old.text(), value.text(), clock.instant());
            history.addLast(change);
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
            settings.put(key, document()).exceptionally(e -> {
                LOG.warn("{}: firmware inventory not persisted", hostId, e);
                return null;
            });
        }
        if (change.from().isEmpty()) {
            LOG.debug("{}: {} reported: {}", hostId, change.component(), change.to()); // first report: quiet in fleets
        } else {
            LOG.info("{}: {} changed {} -> {}", hostId, change.component(), change.from(), change.to());
        }
        if (SystemInfoComponents.isFirmware(parameter)) {
            sel.append(SelRecord.of(0, 0, versionChange(parameter)));
        }
        listeners.forEach(l -> l.accept(change));
    }

    /** Component name → version text, e.g. {"BIOS": "EDK2 202502", "NIC0": "1.2.3"}, firmware components only. */
    public synchronized Map<String, String> firmwareVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((p, v) -> {
            if (SystemInfoComponents.isFirmware(p)) {
                out.put(SystemInfoComponents.name(p), v.text());
            }
        });
        return out;
    }

    /**
     * Component name → manufacturer, for the firmware components whose manufacturer the host reported (OEM
     * parameters D0h for the BIOS, C8h+n for NIC n's option ROM), e.g. {"BIOS": "American Megatrends"}.
     */
    public synchronized Map<String, String> firmwareVendors() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((p, v) -> {
            if (SystemInfoComponents.isFirmware(p)) {
                SystemInfoComponents.vendorParameter(p)
                        .map(values::get)
                        .filter(x -> !x.text().isBlank())
                        .ifPresent(x -> out.put(SystemInfoComponents.name(p), x.text()));
            }
        });
        return out;
    }

    /** The processors the host reported (OEM parameters D8h+n, SMBIOS Type 4 Processor Version), by socket. */
    public synchronized List<String> processors() {
        List<String> out = new java.util.ArrayList<>();
        values.forEach((p, v) -> {
            if (SystemInfoComponents.isProcessor(p) && !v.text().isBlank()) {
                out.add(v.text());
            }
        });
        return out;
    }

    /** The changes kept, oldest first. */
    public synchronized List<FirmwareChange> history() {
        return List.copyOf(history);
    }

    static SystemEvent versionChange(int parameter) {
        boolean nic = SystemInfoComponents.isNic(parameter);
        int data1 = 0xC0 | (nic ? 0x20 : 0x00) | OFFSET_FIRMWARE_CHANGE_SUCCESSFUL; // ED2 extension code, ED3 OEM
        return new SystemEvent(
                SystemEvent.GENERATOR_BMC,
                SystemEvent.EVM_REV_IPMI_2,
                SENSOR_TYPE_VERSION_CHANGE,
                0xFF,
                SystemEvent.EVENT_TYPE_SENSOR_SPECIFIC,
                data1,
                nic ? CHANGE_TYPE_BOARD_COMPONENT : CHANGE_TYPE_SYSTEM_FIRMWARE,
                nic ? parameter - dev.bmcagent.ipmi.command.sysinfo.SystemInfoCommands.NIC_OPTION_ROM_BASE : 0xFF);
    }

    private ObjectNode document() {
        ObjectNode doc = F.objectNode();
        ObjectNode params = doc.putObject("parameters");
        values.forEach((p, v) -> params.putObject(SystemInfoComponents.name(p))
                .put("encoding", v.encoding())
                .put("bytes", Base64.getEncoder().encodeToString(v.bytes())));
        ArrayNode h = doc.putArray("history");
        for (FirmwareChange c : history) {
            h.addObject()
                    .put("component", c.component())
                    .put("from", c.from())
                    .put("to", c.to())
                    .put("at", c.at().toString());
        }
        return doc;
    }

    private void restore(JsonNode doc) {
        for (Map.Entry<String, JsonNode> e : doc.path("parameters").properties()) {
            SystemInfoComponents.parameter(e.getKey())
                    .ifPresent(p -> values.put(
                            p,
                            new SystemInfoString(
                                    e.getValue().path("encoding").asInt(),
                                    Base64.getDecoder()
                                            .decode(e.getValue().path("bytes").asText()))));
        }
        for (JsonNode c : doc.path("history")) {
            history.addLast(new FirmwareChange(
                    c.path("component").asText(),
                    c.path("from").asText(),
                    c.path("to").asText(),
                    Instant.parse(c.path("at").asText())));
        }
    }
}
