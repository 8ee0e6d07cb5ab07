package dev.bmcagent.openbmc;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows properties of remote objects: the initial values ({@code GetAll}) and then every
 * {@code PropertiesChanged} of the watched path and interface, delivered in order on one thread of its own. A signal
 * counts only when its sender owns the watched service's well-known name (anyone on the bus can emit a signal with
 * any path): on a mismatch the owner is looked up once more (the service may have restarted), else it is dropped.
 * When a watched service gets a new owner (it started after the agent, or restarted), its properties are read
 * again and delivered as initial values.
 */
public final class PropertyWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PropertyWatch.class);

    private final DBusConnection bus;
    private final ExecutorService thread;
    private final Map<Key, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private final AutoCloseable ownerChanges;

    private record Key(String path, String iface) {}

    private record Watcher(String service, String path, String iface, Sink sink) {}

    /** Receives properties: the initial read ({@code initial}) or a change. */
    @FunctionalInterface
    public interface Sink {
        void accept(Map<String, Variant<?>> properties, boolean initial);
    }

    public PropertyWatch(DBusConnection bus) throws DBusException {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dbus-watch");
            t.setDaemon(true);
            return t;
        });
        this.subscription = bus.addSigHandler(Properties.PropertiesChanged.class, this::onSignal);
        this.ownerChanges = bus.addSigHandler(DBus.NameOwnerChanged.class, this::onOwnerChanged);
    }

    /**
     * Delivers the properties of {@code iface} on {@code service}'s {@code path}: all current values once (if the
     * object exists now), then each change. Returns whether the initial read found the object.
     */
    public boolean watch(String service, String path, String iface, Sink sink) {
        Watcher w = new Watcher(service, path, iface, sink);
        watchers.computeIfAbsent(new Key(path, iface), k -> new CopyOnWriteArrayList<>())
                .add(w);
        Map<String, Variant<?>> all = read(w);
        if (all == null) {
            return false;
        }
        thread.execute(() -> deliver(w, all, true));
        return true;
    }

    /** All current values, or null (logged) when the service or object is not there (yet). */
    private Map<String, Variant<?>> read(Watcher w) {
        try {
            return bus.getRemoteObject(w.service, w.path, Properties.class).GetAll(w.iface);
        } catch (DBusException | DBusExecutionException e) {
            log.warn(
                    "{} {} {}: not readable yet ({}); read again when the service (re)appears",
                    w.service,
                    w.path,
                    w.iface,
                    e.getMessage());
            return null;
        }
    }

    /**
     * A watched service got a (new) owner: it started after the agent or restarted. Its values may never change
     * again (a restarted settingsd restores them), so read them all once more, as at the start.
     */
    private void onOwnerChanged(DBus.NameOwnerChanged s) {
        if (s.newOwner == null || s.newOwner.isEmpty()) {
            owners.remove(s.name);
            return;
        }
        try {
            thread.execute(() -> {
                boolean watched = false;
                for (List<Watcher> ws : watchers.values()) {
                    for (Watcher w : ws) {
                        if (w.service.equals(s.name)) {
                            if (!watched) {
                                owners.put(s.name, s.newOwner);
                                log.info(
                                        "{} is now owned by {}: reading its watched properties again",
                                        s.name,
                                        s.newOwner);
                                watched = true;
                            }
                            Map<String, Variant<?>> all = read(w);
                            if (all != null) {
                                deliver(w, all, true);
                            }
                        }
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("closed: {} dropped", s);
        }
    }

    private void onSignal(Properties.PropertiesChanged s) {
        List<Watcher> ws = watchers.get(new Key(s.getPath(), s.getInterfaceName()));
        if (ws == null) {
            return;
        }
        Map<String, Variant<?>> changed = Map.copyOf(s.getPropertiesChanged());
        String sender = s.getSource();
        try {
            thread.execute(() -> {
                for (Watcher w : ws) {
                    if (fromOwner(w.service, sender)) {
                        deliver(w, changed, false);
                    } else {
                        log.warn(
                                "{} {}: PropertiesChanged from {}, which does not own {}: ignored",
                                s.getPath(),
                                s.getInterfaceName(),
                                sender,
                                w.service);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("closed: {} dropped", s);
        }
    }

    private boolean fromOwner(String service, String sender) {
        if (service.startsWith(":") || sender.equals(owners.get(service))) {
            return service.startsWith(":") ? service.equals(sender) : true;
        }
        String owner = bus.getDBusOwnerName(service);
        if (owner == null) {
            return false;
        }
        owners.put(service, owner);
        return owner.equals(sender);
    }

    private static void deliver(Watcher w, Map<String, Variant<?>> props, boolean initial) {
        try {
            w.sink.accept(props, initial);
        } catch (RuntimeException e) {
            log.warn("handling properties {} failed", props.keySet(), e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : List.of(subscription, ownerChanges)) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("removing a signal handler failed", e);
            }
        }
        thread.shutdown();
    }
}
