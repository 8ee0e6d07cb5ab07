/**
 * Adapters from the ipmi module's ports to the agent: each host's IPMI inputs (ACPI reports, platform events,
 * SBMR and OEM codes) become {@link dev.bmcagent.acpi.lifecycle.LifecycleInput}s submitted to its
 * {@link dev.bmcagent.core.host.HostAgent}; reads (ACPI state, chassis status, sensors, users, boot options) come
 * from the agent's state, sensor poller and stores. Nothing here blocks on the network.
 */
package dev.bmcagent.core.ipmiport;
