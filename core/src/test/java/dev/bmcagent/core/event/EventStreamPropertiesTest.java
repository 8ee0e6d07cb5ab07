package dev.bmcagent.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventStreamPropertiesTest {
    private static final Instant T0 = Instant.parse("2026-02-03T04:05:06Z");

    /** Whatever the interleaving of hosts, each host's delivered numbers are 1..n in order, as in the history. */
    @Property(tries = 200)
    void eachHostIsNumberedOneToNInDeliveryOrder(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3) Integer> hosts) {
        InMemoryEventHistory history = new InMemoryEventHistory();
        EventStream s = new EventStream(history, Clock.fixed(T0, ZoneOffset.UTC), () -> 0L, "s", Runnable::run);
        Map<String, List<Long>> delivered = new HashMap<>();
        s.subscribe(
                "all",
                e -> delivered
                        .computeIfAbsent(e.hostId(), h -> new ArrayList<>())
                        .add(e.sequence()));
        Map<String, Long> counts = new HashMap<>();
        for (int h : hosts) {
            String id = "host" + h;
            s.publish(id, new LifecycleEvent.PostCodeSeen(h, T0));
            counts.merge(id, 1L, Long::sum);
        }
        counts.forEach((id, n) -> {
            List<Long> expected = LongStream.rangeClosed(1, n).boxed().toList();
            assertEquals(expected, delivered.get(id));
            assertEquals(
                    expected,
                    history.read(id, 1, 1000).stream().map(HostEvent::sequence).toList());
        });
    }
}
