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
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows properties of remote objects: the initial values ({@code GetAll}) and then every
 * {@code PropertiesChanged} of the watched path and interface, delivered in order on one thread of its own. A signal
 * counts only when its sender owns the watched service's well-known name (anyone on the bus can emit a signal with
 * any path): on a mismatch the owner is looked up once more (the service may have restarted), else it is dropped.
 */
public final class PropertyWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PropertyWatch.class);

    private final DBusConnection bus;
    private final ExecutorService thread;
    private final Map<Key, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;

    private record Key(String path, String iface) {
    }

    private record Watcher(String service, Sink sink) {
    }

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
    }

    /**
     * Delivers the properties of {@code iface} on {@code service}'s {@code path}: all current values once (if the
     * object exists now), then each change. Returns whether the initial read found the object.
     */
    public boolean watch(String service, String path, String iface, Sink sink) {
        Watcher w = new Watcher(service, sink);
        watchers.computeIfAbsent(new Key(path, iface), k -> new CopyOnWriteArrayList<>()).add(w);
        try {
            Map<String, Variant<?>> all = bus.getRemoteObject(service, path, Properties.class).GetAll(iface);
            thread.execute(() -> deliver(w, all, true));
            return true;
        } catch (DBusException | DBusExecutionException e) {
            log.warn("{} {} {}: not readable yet ({}); waiting for PropertiesChanged", service, path, iface,
                    e.getMessage());
            return false;
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
                        log.warn("{} {}: PropertiesChanged from {}, which does not own {}: ignored", s.getPath(),
                                s.getInterfaceName(), sender, w.service);
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
        try {
            subscription.close();
        } catch (Exception e) {
            log.debug("removing the signal handler failed", e);
        }
        thread.shutdown();
    }
}
