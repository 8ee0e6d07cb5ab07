/**
 * The Redfish service wired to the agent: {@link dev.bmcagent.agent.redfishport.RedfishService} builds the
 * {@code dev.bmcagent.redfish.backend} ports over the runtime's host nodes, stores and event stream and runs the
 * {@code RedfishServer}. Every port method answers from memory (lifecycle snapshots, poller values, in-memory SEL
 * and stores) and queues slow work (store writes on one writer thread, lifecycle inputs on the host's mailbox).
 */
package dev.bmcagent.agent.redfishport;
