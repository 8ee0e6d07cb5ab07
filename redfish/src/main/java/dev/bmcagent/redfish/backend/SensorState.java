package dev.bmcagent.redfish.backend;

/**
 * Redfish {@code Resource.State} for a sensor. A sensor that is unpowered in S5 or gated while UEFI owns the
 * bus is {@link #UnavailableOffline} (not failed); the reading is then absent.
 */
public enum SensorState {
    Enabled,
    UnavailableOffline,
    Disabled
}
