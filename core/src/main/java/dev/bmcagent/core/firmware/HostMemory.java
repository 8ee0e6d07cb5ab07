package dev.bmcagent.core.firmware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.ipmi.command.oem.MemoryReport;
import dev.bmcagent.journal.SettingsStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's DIMMs per slot, from the memory training report's slot bitmap (OEM 30h/14h), with the slots of the
 * last good boot: the last report in which every expected DIMM was initialised. A slot populated then and not now
 * is "lost". Kept durably under {@code memory.host<i>} so a loss is still shown after an agent restart. A report
 * without the bitmap (counts only) lists no DIMMs: which slot is missing cannot be told.
 */
public final class HostMemory {
    private static final Logger LOG = LoggerFactory.getLogger(HostMemory.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One slot: what the last report said, and whether the last good boot had a DIMM there. */
    public record Dimm(int slot, boolean present, boolean lost, long capacityMiB) {}

    private final String hostId;
    private final String key;
    private final SettingsStore settings;
    private SortedSet<Integer> current = new TreeSet<>();
    private SortedSet<Integer> lastGood = new TreeSet<>();
    private int expected;
    private long totalMiB;
    private boolean known;

    public HostMemory(String hostId, SettingsStore settings) {
        this.hostId = hostId;
        this.key = "memory." + hostId;
        this.settings = settings;
        settings.get(key).ifPresent(this::restore);
    }

    public void reported(MemoryReport r) {
        if (r.slots().isEmpty()) {
            return;
        }
        synchronized (this) {
            current = new TreeSet<>(r.slots().get());
            expected = r.expected();
            totalMiB = r.totalMiB();
            known = true;
            if (r.populated() == r.expected()) {
                lastGood = new TreeSet<>(current);
            }
            settings.put(key, document()).exceptionally(e -> {
                LOG.warn("{}: DIMM inventory not persisted", hostId, e);
                return null;
            });
        }
    }

    /** Every expected slot (also absent ones), or none before the first report with a bitmap. */
    public synchronized List<Dimm> dimms() {
        List<Dimm> out = new ArrayList<>();
        if (!known) {
            return out;
        }
        long each = current.isEmpty() ? 0 : totalMiB / current.size();
        for (int slot = 0; slot < expected; slot++) {
            boolean present = current.contains(slot);
            out.add(new Dimm(slot, present, !present && lastGood.contains(slot), present ? each : 0));
        }
        return out;
    }

    private ObjectNode document() {
        ObjectNode d = F.objectNode().put("expected", expected).put("totalMiB", totalMiB);
        current.forEach(d.putArray("slots")::add);
        lastGood.forEach(d.putArray("lastGoodSlots")::add);
        return d;
    }

    private void restore(JsonNode d) {
        expected = d.path("expected").asInt();
        totalMiB = d.path("totalMiB").asLong();
        d.path("slots").forEach(n -> current.add(n.asInt()));
        d.path("lastGoodSlots").forEach(n -> lastGood.add(n.asInt()));
        known = true;
    }
}
