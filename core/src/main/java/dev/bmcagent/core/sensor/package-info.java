/**
 * Sensors: the {@link dev.bmcagent.core.sensor.SensorBus} port and its hwmon adapter, the absolute
 * {@link dev.bmcagent.core.sensor.SensorGate}, and the per-host {@link dev.bmcagent.core.sensor.SensorPoller}
 * that keeps the latest {@link dev.bmcagent.core.sensor.SensorValue}s and reports real failures to the lifecycle.
 */
package dev.bmcagent.core.sensor;
