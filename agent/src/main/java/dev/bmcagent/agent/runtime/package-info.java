/**
 * Composition of the agent's core: {@link dev.bmcagent.core.node.HostNode} is one host's agent (lifecycle,
 * SEL, boot options, declared boot order, sensor gate/poller, fan loop; no network, no threads of its own — the
 * simulator's fleet mode creates thousands on one virtual scheduler), {@link dev.bmcagent.core.node.HostCommandTable}
 * builds the one IPMI command table over all nodes, and {@link dev.bmcagent.agent.runtime.BmcRuntime} adds the
 * network: a VM-protocol host interface and an RMCP+ LAN endpoint per host.
 */
package dev.bmcagent.agent.runtime;
