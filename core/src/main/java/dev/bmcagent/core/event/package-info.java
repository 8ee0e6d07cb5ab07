/**
 * The host event stream: {@link dev.bmcagent.core.event.EventStream} numbers each host's lifecycle events
 * (gap-free, continued from the {@link dev.bmcagent.core.event.EventHistory} after a restart), makes them
 * durable, then hands them to subscribers through bounded per-subscriber queues (drops counted, never blocking).
 */
package dev.bmcagent.core.event;
