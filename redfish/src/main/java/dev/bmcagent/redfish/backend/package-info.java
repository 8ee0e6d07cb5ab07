/**
 * Ports the Redfish service reads and drives; the agent implements them. Every method is called on a Vert.x
 * event-loop thread and must not block (answer from in-memory state, queue slow work).
 */
package dev.bmcagent.redfish.backend;
