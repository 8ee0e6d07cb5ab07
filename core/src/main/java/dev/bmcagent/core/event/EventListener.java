package dev.bmcagent.core.event;

/** Receives recorded host events, on the stream's delivery executor, one at a time, in sequence order. */
@FunctionalInterface
public interface EventListener {

    /** Called once per event; an exception is logged and counted, and delivery continues. */
    void onEvent(HostEvent event);
}
