package dev.bmcagent.ipmi.lan;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of decoding untrusted bytes: a value or a typed failure with a reason. Decoders return this
 * instead of throwing, so malformed datagrams are counted and dropped by the caller.
 *
 * @param <T> decoded value type
 */
public sealed interface Decoded<T> {

    /** A successfully decoded value. */
    record Ok<T>(T value) implements Decoded<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Input that does not follow the wire format; {@code reason} names the field. */
    record Malformed<T>(String reason) implements Decoded<T> {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> malformed(String reason) {
        return new Malformed<>(reason);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value; throws {@link IllegalStateException} on a failure (for tests and after {@link #isOk()}). */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("malformed: " + ((Malformed<T>) this).reason());
    }

    default <R> Decoded<R> map(Function<T, R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Malformed<>(((Malformed<T>) this).reason());
    }
}
