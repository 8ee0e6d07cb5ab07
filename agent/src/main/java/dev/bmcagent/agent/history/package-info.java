/**
 * The durable event history: {@link dev.bmcagent.agent.history.LogEventHistory} implements
 * {@link dev.bmcagent.agent.event.EventHistory} over the store's {@link dev.bmcagent.agent.store.EventLog} with
 * {@link dev.bmcagent.agent.history.EventCodec} (JSON per event).
 */
package dev.bmcagent.agent.history;
