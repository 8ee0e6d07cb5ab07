package dev.bmcagent.core.host;

/**
 * Receives host-link events. Called on the connection's Netty event loop: return quickly, never block
 * (hand work to the agent's own executor). Exceptions are logged and swallowed.
 */
@FunctionalInterface
public interface HostLinkListener {
    HostLinkListener NONE = event -> {};

    void onEvent(HostLinkEvent event);
}
