package dev.bmcagent.redfish.events;

/** Redfish {@code EventDestination.EventDestinationProtocol} values accepted: Redfish only. */
public enum EventProtocol {
    Redfish
}
