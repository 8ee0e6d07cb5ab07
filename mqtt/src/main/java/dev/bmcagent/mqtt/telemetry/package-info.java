/**
 * MQTT boot telemetry (topics, payloads and guarantees: docs/MQTT.md).
 * {@link dev.bmcagent.mqtt.telemetry.MqttTelemetry} publishes each host's retained state, its events (QoS 1, from
 * the {@link dev.bmcagent.core.event.EventHistory} as outbox, resumed from the last acknowledged sequence) and its
 * alerts, with an online/offline status and last will.
 *
 * <p>Wiring (the assembly, after the event stream and hosts exist):
 * <pre>{@code
 * MqttOptions mqtt = MqttOptions.of(URI.create(cfg.broker()), cfg.site(), cfg.bmcId(), dataDir)
 *         .withBacklogBound(cfg.backlog());                       // + withCredentials / withTls / withVersion
 * MqttTelemetry telemetry = new MqttTelemetry(mqtt, eventStream, eventHistory,
 *         id -> hosts.get(id).orElseThrow().state(),
 *         hosts.all().stream().map(HostAgent::hostId).toList(), scheduler,
 *         () -> System.nanoTime() - agentStartNanos);              // same base as the EventStream's
 * telemetry.start();      // returns at once; connects and reconnects in the background
 * ...
 * telemetry.close();      // publishes "offline", saves the acked sequences, disconnects
 * }</pre>
 */
package dev.bmcagent.mqtt.telemetry;
