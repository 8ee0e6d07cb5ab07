package dev.bmcagent.agent.ipmiport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bmcagent.ipmi.command.chassis.BootFlags;
import dev.bmcagent.ipmi.command.chassis.BootMailbox;
import dev.bmcagent.ipmi.command.chassis.BootOptionsStore;
import dev.bmcagent.journal.SettingsStore;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Durable system boot options (IPMI 2.0 §28.12/§28.13) for one host, kept as one JSON setting
 * ({@code ipmi.boot-options.host<i>}); what {@code ipmitool chassis bootdev} writes survives an agent restart.
 * Parameter 7 (the boot initiator mailbox, which carries Redfish HttpBootUri to the host) is kept too ({@code
 * mailbox}: hex, trailing zero bytes left out). Every write returns once stored. It only stores: consuming a one-time
 * boot on the BIOS acknowledge is {@link dev.bmcagent.ipmi.command.chassis.BootOptionsRules}, applied by the command
 * handler for every store.
 */
public final class SettingsBootOptionsStore implements BootOptionsStore {
    private static final HexFormat HEX = HexFormat.of();

    private final SettingsStore settings;
    private final String key;
    private int setInProgress;
    private final int[] simple = new int[4];
    private int acknowledge;
    private BootFlags flags = BootFlags.NONE;
    private byte[] mailbox = new byte[BootMailbox.SIZE];

    public SettingsBootOptionsStore(SettingsStore settings, int hostIndex) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.key = String.format(Locale.ROOT, "ipmi.boot-options.host%d", hostIndex);
        settings.get(key).ifPresent(this::load);
    }

    private void load(JsonNode n) {
        for (int i = 1; i <= 3; i++) {
            simple[i] = n.path("p" + i).asInt(0) & 0xFF;
        }
        acknowledge = n.path("ack").asInt(0) & 0xFF;
        String f = n.path("flags").asText("");
        if (f.length() == 10) {
            flags = new BootFlags(HEX.parseHex(f));
        }
        String m = n.path("mailbox").asText("");
        if (m.matches("([0-9a-f]{2})*") && m.length() <= 2 * BootMailbox.SIZE) {
            System.arraycopy(HEX.parseHex(m), 0, mailbox, 0, m.length() / 2);
        }
    }

    private void save() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        for (int i = 1; i <= 3; i++) {
            n.put("p" + i, simple[i]);
        }
        n.put("ack", acknowledge);
        n.put("flags", HEX.formatHex(flags.bytes()));
        int used = mailbox.length;
        while (used > 0 && mailbox[used - 1] == 0) {
            used--;
        }
        if (used > 0) {
            n.put("mailbox", HEX.formatHex(mailbox, 0, used)); // trailing zero bytes left out
        }
        settings.put(key, n).join();
    }

    @Override
    public synchronized int setInProgress() {
        return setInProgress;
    }

    @Override
    public synchronized void setInProgress(int state) {
        setInProgress = state & 0x03; // volatile by spec: a BMC restart ends any set in progress
    }

    @Override
    public synchronized int simpleParameter(int selector) {
        return simple[check(selector)];
    }

    @Override
    public synchronized void simpleParameter(int selector, int value) {
        simple[check(selector)] = value & 0xFF;
        save();
    }

    private static int check(int selector) {
        if (selector < 1 || selector > 3) {
            throw new IllegalArgumentException("not a simple boot parameter: " + selector);
        }
        return selector;
    }

    @Override
    public synchronized int bootInfoAcknowledge() {
        return acknowledge;
    }

    @Override
    public synchronized void bootInfoAcknowledge(int value) {
        acknowledge = value & 0xFF;
        save();
    }

    @Override
    public synchronized BootFlags bootFlags() {
        return flags;
    }

    @Override
    public synchronized void bootFlags(BootFlags newFlags) {
        flags = Objects.requireNonNull(newFlags, "flags");
        save();
    }

    @Override
    public synchronized byte[] mailbox() {
        return mailbox.clone();
    }

    @Override
    public synchronized void mailbox(byte[] content) {
        if (content.length != BootMailbox.SIZE) {
            throw new IllegalArgumentException("the mailbox is " + BootMailbox.SIZE + " bytes");
        }
        mailbox = content.clone();
        save();
    }

    /** The stored setting, for tests and diagnostics. */
    public Optional<JsonNode> stored() {
        return settings.get(key);
    }
}
