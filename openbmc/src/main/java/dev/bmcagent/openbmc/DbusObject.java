package dev.bmcagent.openbmc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.freedesktop.dbus.connections.AbstractConnection;
import org.freedesktop.dbus.errors.InvalidMethodArgument;
import org.freedesktop.dbus.errors.PropertyReadOnly;
import org.freedesktop.dbus.errors.UnknownInterface;
import org.freedesktop.dbus.errors.UnknownProperty;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exported object whose interfaces are plain properties, served through {@code org.freedesktop.DBus.Properties}
 * (Get / GetAll / Set) with a {@code PropertiesChanged} signal on every change, as sdbusplus objects behave.
 * A remote Set of an unknown interface or property, of a read-only property, or of a value of another D-Bus type
 * is refused with the standard error ({@code UnknownInterface}, {@code UnknownProperty}, {@code PropertyReadOnly},
 * {@code InvalidArgs}) and changes nothing. Used for the agent's own boot-state object and by the tests' emulated
 * phosphor services.
 */
public class DbusObject implements Properties {
    private static final Logger log = LoggerFactory.getLogger(DbusObject.class);

    private final String path;
    private final Map<String, Map<String, Prop>> interfaces = new ConcurrentHashMap<>();
    private volatile AbstractConnection connection;

    /** A property: its value (whose signature is the property's type) and who may write it. */
    private record Prop(Variant<?> value, boolean writable, BiPredicate<String, Object> accept) {}

    public DbusObject(String path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Declares a property read-only for remote callers; {@code value} fixes its D-Bus type. */
    public DbusObject readOnly(String iface, String name, Variant<?> value) {
        return define(iface, name, value, false, (n, v) -> true);
    }

    /** Declares a property remote callers may Set; {@code accept} may refuse a value (InvalidArgs). */
    public DbusObject writable(String iface, String name, Variant<?> value, BiPredicate<String, Object> accept) {
        return define(iface, name, value, true, accept);
    }

    private DbusObject define(
            String iface, String name, Variant<?> value, boolean writable, BiPredicate<String, Object> accept) {
        interfaces.computeIfAbsent(iface, i -> new ConcurrentHashMap<>()).put(name, new Prop(value, writable, accept));
        return this;
    }

    /** Exports the object on {@code c}; changes are signalled there from now on. */
    public DbusObject export(AbstractConnection c) throws DBusException {
        c.exportObject(path, this);
        connection = c;
        return this;
    }

    /** Sets a property locally (the owner's own update) and signals it if the value changed. */
    public void update(String iface, String name, Variant<?> value) {
        Prop old = prop(iface, name);
        if (!old.value.getSig().equals(value.getSig())) {
            throw new IllegalArgumentException(
                    iface + "." + name + " is " + old.value.getSig() + ", not " + value.getSig());
        }
        store(iface, name, old, value);
    }

    /** The current value. */
    public Object value(String iface, String name) {
        return prop(iface, name).value.getValue();
    }

    private void store(String iface, String name, Prop old, Variant<?> value) {
        if (old.value.equals(value)) {
            return;
        }
        interfaces.get(iface).put(name, new Prop(value, old.writable, old.accept));
        AbstractConnection c = connection;
        if (c != null) {
            try {
                c.sendMessage(new PropertiesChanged(path, iface, Map.of(name, value), List.of()));
            } catch (DBusException e) {
                log.warn("{}: PropertiesChanged {}.{} not sent: {}", path, iface, name, e.toString());
            }
        }
    }

    private Prop prop(String iface, String name) {
        Map<String, Prop> props = interfaces.get(iface);
        if (props == null) {
            throw new UnknownInterface("no interface " + iface + " on " + path);
        }
        Prop p = props.get(name);
        if (p == null) {
            throw new UnknownProperty("no property " + name + " in " + iface + " on " + path);
        }
        return p;
    }

    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // the signature is dbus-java's Properties.Get
    public <A> A Get(String iface, String name) {
        return (A) prop(iface, name).value;
    }

    @Override
    public <A> void Set(String iface, String name, A value) {
        Prop p = prop(iface, name);
        if (!p.writable) {
            throw new PropertyReadOnly(iface + "." + name + " is read-only");
        }
        Object raw = value instanceof Variant<?> v ? v.getValue() : value;
        Variant<?> next;
        try {
            next = new Variant<>(raw, p.value.getSig());
        } catch (IllegalArgumentException e) {
            throw new InvalidMethodArgument(iface + "." + name + " takes " + p.value.getSig() + ": " + e.getMessage());
        }
        if (raw == null || !sameType(p.value.getValue(), raw) || !p.accept.test(name, raw)) {
            throw new InvalidMethodArgument(
                    "'" + raw + "' is not a valid " + iface + "." + name + " (" + p.value.getSig() + ")");
        }
        store(iface, name, p, next);
    }

    private static boolean sameType(Object old, Object raw) {
        if (old instanceof org.freedesktop.dbus.Struct || old instanceof Object[]) {
            return raw instanceof Object[] || raw instanceof org.freedesktop.dbus.Struct; // checked by signature
        }
        return old.getClass().isInstance(raw) || raw.getClass().isInstance(old);
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        Map<String, Prop> props = interfaces.get(iface);
        if (props == null) {
            throw new UnknownInterface("no interface " + iface + " on " + path);
        }
        Map<String, Variant<?>> out = new LinkedHashMap<>();
        props.forEach((n, p) -> out.put(n, p.value));
        return out;
    }

    @Override
    public String getObjectPath() {
        return path;
    }

    @Override
    public boolean isRemote() {
        return false;
    }
}
