package dev.bmcagent.redfish.events;

/**
 * Redfish {@code EventDestination.DeliveryRetryPolicy} values this service accepts. RetryForever is refused:
 * retries are always bounded.
 */
public enum RetryPolicy {
    TerminateAfterRetries,
    SuspendRetries
}
