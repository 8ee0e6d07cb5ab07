package dev.bmcagent.redfish.backend;

/** Redfish {@code Resource.PowerState}. */
public enum PowerState {
    On,
    Off,
    PoweringOn,
    PoweringOff,
    Paused
}
