package dev.bmcagent.agent.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
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
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface TypedEvent {}

    /** {@link EventCodec}'s mapper as it was, with {@code JavaTimeModule}. */
    private static ObjectMapper withTheWholeModule() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(LifecycleEvent.class, TypedEvent.class);
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        for (Class<?> c : LifecycleEvent.class.getPermittedSubclasses()) {
            mapper.registerSubtypes(new NamedType(c, c.getSimpleName()));
        }
        return mapper;
    }

    @Test
    void aWholeBootIsWrittenAndReadAsWithJavaTimeModule() throws Exception {
        ObjectMapper before = withTheWholeModule();
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
            assertEquals(before.writeValueAsString(event), json);
            assertEquals(event, codec.decode(written));
            assertEquals(event, codec.decode(before.writeValueAsBytes(event)));
            all += json + "\n";
        }
        // The boot exercises both java.time types: times with fractions, and durations (time lost to an interface).
        assertTrue(all.contains("\"at\":\"2026-05-06T07:08:09.123456789Z\""), all);
        assertTrue(all.contains("\"timeLost\":\"PT"), all);
    }
}
