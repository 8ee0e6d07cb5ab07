package dev.bmcagent.ipmi.command.sensor;

import dev.bmcagent.ipmi.sel.SelRecord;

/** Receives each Platform Event Message after it is in the SEL, so the agent can feed the host lifecycle. */
@FunctionalInterface
public interface PlatformEventSink {
    void onPlatformEvent(SelRecord stored);
}
