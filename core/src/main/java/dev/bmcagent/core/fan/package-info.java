/**
 * Fans: the {@link dev.bmcagent.core.fan.FanController} port and its hwmon pwm adapter, and the per-host
 * {@link dev.bmcagent.core.fan.FanLoop} that obeys the lifecycle's fan mode.
 */
package dev.bmcagent.core.fan;
