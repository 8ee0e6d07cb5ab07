package dev.bmcagent.redfish.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The last {@link Rendered} representation per resource id, keyed by the immutable value it was rendered from: a
 * GET whose value {@code equals} the cached one reuses tree, bytes and ETag; any change of the value (a new state
 * read from the backend on every request) renders again. {@code render} must be a pure function of the value, and
 * the value a deeply immutable record, so a hit can never be stale. At most one entry per id.
 *
 * @param <V> the value type (a record)
 */
public final class RenderCache<V> {

    private final Function<V, ObjectNode> render;
    private final Map<String, Entry<V>> last = new ConcurrentHashMap<>();

    public RenderCache(Function<V, ObjectNode> render) {
        this.render = Objects.requireNonNull(render, "render");
    }

    public Rendered get(String id, V value) {
        Objects.requireNonNull(value, "value");
        Entry<V> e = last.get(id);
        if (e != null && e.value.equals(value)) {
            return e.rendered;
        }
        Rendered r = Rendered.of(render.apply(value));
        last.put(id, new Entry<>(value, r));
        return r;
    }

    /** Forgets {@code id} (e.g. a resource that no longer exists). */
    public void remove(String id) {
        last.remove(id);
    }

    private record Entry<V>(V value, Rendered rendered) {}
}
