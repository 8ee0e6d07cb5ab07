package dev.bmcagent.agent.history;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.deser.DurationDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.DurationSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.core.event.HostEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link HostEvent} ↔ JSON bytes, for the durable history: the record components as fields, the event's type as
 * {@code "type"} (its simple class name), times as ISO-8601 strings, durations as ISO-8601 durations, empty
 * optionals as null. Unknown properties are ignored on read (a newer agent may add fields).
 *
 * <p>The events hold two {@code java.time} types, {@link Instant} and {@link Duration}: only their serialisers from
 * jackson-datatype-jsr310 are registered, not its {@code JavaTimeModule}, which instantiates one for every
 * {@code java.time} type (~75 classes a restart kept for nothing; docs/BENCHMARKS.md, footprint). The bytes are the
 * module's ({@code EventCodecTest}).
 */
final class EventCodec {
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    private interface TypedEvent {}

    private final ObjectMapper mapper;

    public EventCodec() {
        this(new SimpleModule("EventTimes")
                .addSerializer(Instant.class, InstantSerializer.INSTANCE)
                .addDeserializer(Instant.class, InstantDeserializer.INSTANT)
                .addSerializer(Duration.class, DurationSerializer.INSTANCE)
                .addDeserializer(Duration.class, DurationDeserializer.INSTANCE));
    }

    /** With another module for the {@code java.time} types ({@code EventCodecTest}: the whole JavaTimeModule). */
    EventCodec(Module times) {
        mapper = new ObjectMapper()
                .registerModule(times)
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
    }

    public byte[] encode(HostEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event, e);
        }
    }

    public HostEvent decode(byte[] json) {
        try {
            return mapper.readValue(json, HostEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a history record", e);
        }
    }
}
