/**
 * The durable event history: {@link dev.bmcagent.agent.history.LogEventHistory} implements
 * {@link dev.bmcagent.core.event.EventHistory} over the store's {@link dev.bmcagent.journal.EventLog} with
 * {@link dev.bmcagent.agent.history.EventCodec} (JSON per event).
 */
package dev.bmcagent.agent.history;
