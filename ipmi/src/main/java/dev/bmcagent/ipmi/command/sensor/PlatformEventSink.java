package dev.bmcagent.ipmi.command.sensor;

import dev.bmcagent.ipmi.sel.SelRecord;

/**
 * Receives the host's Platform Event Messages (system interface only: the command table never hands it an event
 * from LAN) so the agent can feed the host lifecycle.
 *
 * <p>A host event the receiver understands (boot progress, boot error, OS boot) is handed over before it is stored:
 * when {@link #recordsItself} answers true, the receiver writes its own SEL record (generator 20h, the BMC's sensor
 * number from the SDR, so {@code ipmitool sel elist} resolves the name) and the raw host record is not stored, so
 * each event appears once. Every other event is stored as sent, then passed to {@link #onPlatformEvent}.
 */
@FunctionalInterface
public interface PlatformEventSink {

    /** Called after an event the receiver did not take over is in the SEL. */
    void onPlatformEvent(SelRecord stored);

    /**
     * Offered each event from the system interface before it is stored; true when the receiver takes it over and
     * records it itself. Must not block.
     */
    default boolean recordsItself(SelRecord event) {
        return false;
    }
}
