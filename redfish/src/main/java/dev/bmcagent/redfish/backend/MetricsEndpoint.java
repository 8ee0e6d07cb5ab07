package dev.bmcagent.redfish.backend;

/**
 * Prometheus metrics served on the Redfish listener at {@code /metrics} (same authentication as Redfish: any
 * account that can log in; 401 without credentials), and told about every HTTP request the listener finished.
 */
public interface MetricsEndpoint {
    /** One request finished: its method, the status sent and the time from its arrival to the end of the answer. */
    void requestDone(String method, int status, long nanos);

    /** The Prometheus text exposition format (version 0.0.4) of every metric. */
    byte[] scrape();
}
