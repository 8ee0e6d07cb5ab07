package dev.bmcagent.agent.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.core.event.HostEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The history's JSON is what it was with jackson-datatype-jsr310's whole {@code JavaTimeModule}: records written by
 * an agent before {@link EventCodec} registered only the {@code Instant} and {@code Duration} serialisers read back
 * the same, and new records are byte for byte what the module writes.
 */
class EventCodecTest {
    @Test
    void aWholeBootIsWrittenAndReadAsWithJavaTimeModule() {
        EventCodec before = new EventCodec(new JavaTimeModule());
        EventCodec codec = new EventCodec();
        List<LifecycleEvent> boot = LogEventHistoryTest.bootEvents();
        String all = "";
        for (int i = 0; i < boot.size(); i++) {
            HostEvent event = new HostEvent(
                    "host3",
                    i + 1,
                    "run-1",
                    Instant.parse("2026-05-06T07:08:09Z").plusNanos(i * 123_456_789L),
                    i * 1_000L,
                    boot.get(i));
            byte[] written = codec.encode(event);
            String json = new String(written, StandardCharsets.UTF_8);
            assertEquals(new String(before.encode(event), StandardCharsets.UTF_8), json);
            assertEquals(event, codec.decode(written));
            assertEquals(event, codec.decode(before.encode(event)));
            all += json + "\n";
        }
        // The boot exercises both java.time types: times with fractions, and durations (time lost to an interface).
        assertTrue(all.contains("\"at\":\"2026-05-06T07:08:09.123456789Z\""), all);
        assertTrue(all.contains("\"timeLost\":\"PT"), all);
    }
}
