package dev.bmcagent.ipmi.command.sysif;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Per-host state behind the system-interface housekeeping commands (IPMI 2.0 §22.1-22.4): BMC Global
 * Enables and Message Flags. A change of the receive-message-queue interrupt bit (bit 0) is reported to
 * listeners; the host interface turns it into {@code 05 A1} / {@code 06 A1}.
 */
public final class SystemInterfaceState {
    /** Global Enables bit 0: receive message queue interrupt. */
    public static final int RECEIVE_MESSAGE_INTERRUPT = 0x01;
    /** Global Enables bit 1: event message buffer full interrupt. */
    public static final int EVENT_BUFFER_FULL_INTERRUPT = 0x02;
    /** Global Enables bit 2: event message buffer. */
    public static final int EVENT_MESSAGE_BUFFER = 0x04;
    /** Global Enables bit 3: system event logging. */
    public static final int SYSTEM_EVENT_LOGGING = 0x08;
    /** After a BMC or host reset only system event logging is on (as QEMU's ipmi_bmc_sim initialises it). */
    public static final int DEFAULT_GLOBAL_ENABLES = SYSTEM_EVENT_LOGGING;

    private final List<Consumer<Boolean>> receiveInterruptListeners = new CopyOnWriteArrayList<>();
    private int globalEnables = DEFAULT_GLOBAL_ENABLES;
    private int messageFlags;

    /** Registers a callback for changes of Global Enables bit 0 (true: interrupt enabled). */
    public void onReceiveInterruptChange(Consumer<Boolean> listener) {
        receiveInterruptListeners.add(listener);
    }

    public synchronized int globalEnables() {
        return globalEnables;
    }

    public synchronized int messageFlags() {
        return messageFlags;
    }

    public void setGlobalEnables(int value) {
        int before;
        synchronized (this) {
            before = globalEnables;
            globalEnables = value & 0xFF;
        }
        notifyIfChanged(before, value);
    }

    /** Clears the message flags whose bits are set in {@code mask} (Clear Message Flags semantics). */
    public synchronized void clearMessageFlags(int mask) {
        messageFlags &= ~mask;
    }

    /** Host reset or disconnect: back to the defaults (listeners see bit 0 go off if it was on). */
    public void reset() {
        int before;
        synchronized (this) {
            before = globalEnables;
            globalEnables = DEFAULT_GLOBAL_ENABLES;
            messageFlags = 0;
        }
        notifyIfChanged(before, DEFAULT_GLOBAL_ENABLES);
    }

    private void notifyIfChanged(int before, int after) {
        boolean was = (before & RECEIVE_MESSAGE_INTERRUPT) != 0;
        boolean now = (after & RECEIVE_MESSAGE_INTERRUPT) != 0;
        if (was != now) {
            receiveInterruptListeners.forEach(l -> l.accept(now));
        }
    }
}
