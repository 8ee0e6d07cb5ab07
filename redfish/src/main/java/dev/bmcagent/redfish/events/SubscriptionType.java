package dev.bmcagent.redfish.events;

/** Redfish {@code EventDestination.SubscriptionType}. */
public enum SubscriptionType {
    RedfishEvent,
    SSE
}
