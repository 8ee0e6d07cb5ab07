package dev.bmcagent.core.firmware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.acpi.lifecycle.MemoryBaseline;
import dev.bmcagent.core.host.MemoryRecordPort;
import dev.bmcagent.journal.SettingsStore;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable copy of a host's memory record ({@code HostState.memory()}, {@link MemoryBaseline#durable()}): written
 * when the lifecycle says it changed ({@code RecordMemory}), read once at start into the state the host starts from.
 * Settings key {@code memory.host<i>}: {@code expected}, {@code totalMiB} and {@code slots} of the last report with
 * the slot bitmap, {@code lastGoodSlots} and {@code goodBoot} of the last good boot. A record written before the
 * baseline moved into the lifecycle has no {@code goodBoot}; its good boot is then the number of its good slots. (The
 * event history is not where this lives: it keeps only a host's newest events, and a good boot is often older.)
 */
public final class MemoryRecordStore implements MemoryRecordPort {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryRecordStore.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String hostId;
    private final String key;
    private final SettingsStore settings;

    public MemoryRecordStore(String hostId, SettingsStore settings) {
        this.hostId = hostId;
        this.key = "memory." + hostId;
        this.settings = settings;
    }

    /** The record kept by the previous run, empty when none (or unreadable: logged, the host starts without). */
    public Optional<MemoryBaseline> load() {
        try {
            return settings.get(key).map(MemoryRecordStore::restore);
        } catch (RuntimeException e) {
            LOG.warn("{}: memory record {} unreadable; starting without a baseline", hostId, key, e);
            return Optional.empty();
        }
    }

    @Override
    public void record(MemoryBaseline memory) {
        settings.put(key, document(memory)).exceptionally(e -> {
            LOG.warn("{}: memory record not persisted", hostId, e);
            return null;
        });
    }

    static ObjectNode document(MemoryBaseline m) {
        ObjectNode d = F.objectNode();
        m.slots().ifPresent(r -> {
            d.put("expected", r.expected()).put("totalMiB", r.totalMiB());
            r.initialised().forEach(d.putArray("slots")::add);
        });
        m.goodSlots().forEach(d.putArray("lastGoodSlots")::add);
        d.put("goodBoot", m.goodBoot());
        return d;
    }

    static MemoryBaseline restore(JsonNode d) {
        SortedSet<Integer> good = slots(d.path("lastGoodSlots"));
        Optional<MemoryBaseline.SlotReport> report = d.has("expected")
                ? Optional.of(new MemoryBaseline.SlotReport(
                        slots(d.path("slots")),
                        d.path("expected").asInt(),
                        d.path("totalMiB").asLong()))
                : Optional.empty();
        int goodBoot = d.has("goodBoot") ? Math.max(-1, d.path("goodBoot").asInt()) : good.isEmpty() ? -1 : good.size();
        return new MemoryBaseline(goodBoot, -1, good, report);
    }

    private static SortedSet<Integer> slots(JsonNode array) {
        SortedSet<Integer> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
