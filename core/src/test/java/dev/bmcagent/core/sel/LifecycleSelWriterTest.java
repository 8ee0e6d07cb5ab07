package dev.bmcagent.core.sel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.SelEvent;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelInfo;
import dev.bmcagent.ipmi.sel.SelOutOfSpaceException;
import dev.bmcagent.ipmi.sel.SelRecord;
import dev.bmcagent.ipmi.sel.SelStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Disk full (issue #11 item 13): the lifecycle's SEL records wait in memory, in order, and are written later. */
class LifecycleSelWriterTest {
    private final InMemorySelStore backing = new InMemorySelStore(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private boolean full;
    private final SelStore store = new SelStore() {
        @Override
        public int append(SelRecord record) {
            if (full) {
                throw new SelOutOfSpaceException("full", new IOException("No space left on device"));
            }
            return backing.append(record);
        }

        @Override
        public Optional<SelRecord> get(int recordId) {
            return backing.get(recordId);
        }

        @Override
        public Optional<SelRecord> first() {
            return backing.first();
        }

        @Override
        public Optional<SelRecord> last() {
            return backing.last();
        }

        @Override
        public OptionalInt nextId(int recordId) {
            return backing.nextId(recordId);
        }

        @Override
        public boolean delete(int recordId) {
            return backing.delete(recordId);
        }

        @Override
        public void clear() {
            backing.clear();
        }

        @Override
        public SelInfo info() {
            return backing.info();
        }

        @Override
        public int capacity() {
            return backing.capacity();
        }
    };

    private static SelEvent progress(int code) {
        return new SelEvent(SelEvent.SelSensor.FW_PROGRESS, 2, code, SelEvent.UNSPECIFIED, true);
    }

    private List<Integer> codes() {
        List<Integer> out = new ArrayList<>();
        Optional<SelRecord> r = backing.first();
        while (r.isPresent()) {
            out.add(r.get().event().data2());
            OptionalInt next = backing.nextId(r.get().recordId());
            r = next.isPresent() ? backing.get(next.getAsInt()) : Optional.empty();
        }
        return out;
    }

    @Test
    void recordsRefusedByAFullSelAreKeptAndWrittenInOrderWhenSpaceReturns() {
        LifecycleSelWriter w = new LifecycleSelWriter(store);
        w.append(progress(1), Instant.EPOCH);
        full = true;
        w.append(progress(2), Instant.EPOCH);
        w.append(progress(3), Instant.EPOCH);
        assertEquals(2, w.pending());
        full = false;
        w.append(progress(4), Instant.EPOCH);
        assertEquals(0, w.pending());
        assertEquals(List.of(1, 2, 3, 4), codes());
    }

    @Test
    void beyondTheLimitTheOldestWaitingRecordsAreDroppedAndCounted() {
        LifecycleSelWriter w = new LifecycleSelWriter(store);
        full = true;
        for (int i = 0; i < LifecycleSelWriter.MAX_PENDING + 10; i++) {
            w.append(progress(i & 0xFF), Instant.EPOCH);
        }
        assertEquals(LifecycleSelWriter.MAX_PENDING, w.pending());
        assertEquals(10, w.dropped());
    }
}
