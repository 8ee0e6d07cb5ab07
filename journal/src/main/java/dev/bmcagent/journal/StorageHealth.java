package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the agent's journals can currently be written. A journal whose write fails (disk full, I/O error) is
 * listed here until one of its writes succeeds again; the agent reports the list on IPMI (SEL out of space), Redfish
 * ({@code Status.Health} Critical with a condition per file) and MQTT (an alert). One instance per agent, shared by
 * every journal through {@link JournalOptions#health()}. Thread-safe; listeners run on the writing thread.
 */
public final class StorageHealth {
    private static final Logger log = LoggerFactory.getLogger(StorageHealth.class);
    /** strerror(ENOSPC), as the JDK reports it. */
    private static final String NO_SPACE = "No space left on device";

    /** A journal that cannot be written, and why. */
    public record Problem(Path file, String message) {}

    private final Map<Path, String> failing = new ConcurrentHashMap<>();
    private final List<Consumer<List<Problem>>> listeners = new CopyOnWriteArrayList<>();

    /** Called by a journal whose write failed. */
    void failed(Path file, IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!message.equals(failing.put(file, message))) {
            log.error("storage: {} cannot be written ({}): writes are refused until space returns", file, message);
            changed();
        }
    }

    /**
     * Called by a journal whose write succeeded. A full disk is a property of the filesystem: a successful write
     * there also clears the "no space" problems of the other journals on it (which may not be written for a while).
     */
    void ok(Path file) {
        if (failing.isEmpty()) {
            return;
        }
        boolean changed = failing.remove(file) != null;
        changed |= failing.entrySet().removeIf(e -> e.getValue().contains(NO_SPACE) && sameFileStore(file, e.getKey()));
        if (changed) {
            log.warn("storage: {} writable again", file);
            changed();
        }
    }

    private static boolean sameFileStore(Path a, Path b) {
        try {
            return Files.getFileStore(a).equals(Files.getFileStore(b));
        } catch (IOException e) {
            return false;
        }
    }

    /** True when every journal could be written the last time it was. */
    public boolean healthy() {
        return failing.isEmpty();
    }

    /** The journals that currently cannot be written. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        failing.forEach((f, m) -> out.add(new Problem(f, m)));
        return out;
    }

    /** One line for humans, e.g. {@code "events.journal: No space left on device"}; empty when healthy. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems()) {
            b.append(b.length() == 0 ? "" : "; ")
                    .append(p.file().getFileName())
                    .append(": ")
                    .append(p.message());
        }
        return b.toString();
    }

    /** Calls {@code listener} with the current problems whenever the set changes (empty list: healthy again). */
    public void onChange(Consumer<List<Problem>> listener) {
        listeners.add(listener);
    }

    private void changed() {
        List<Problem> now = problems();
        for (Consumer<List<Problem>> l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                log.warn("storage health listener failed", e);
            }
        }
    }
}
