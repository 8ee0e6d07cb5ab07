/**
 * Sensors: the {@link dev.bmcagent.agent.sensor.SensorBus} port and its hwmon adapter, the absolute
 * {@link dev.bmcagent.agent.sensor.SensorGate}, and the per-host {@link dev.bmcagent.agent.sensor.SensorPoller}
 * that keeps the latest {@link dev.bmcagent.agent.sensor.SensorValue}s and reports real failures to the lifecycle.
 */
package dev.bmcagent.agent.sensor;
