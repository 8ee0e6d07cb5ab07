/**
 * Fans: the {@link dev.bmcagent.agent.fan.FanController} port and its hwmon pwm adapter, and the per-host
 * {@link dev.bmcagent.agent.fan.FanLoop} that obeys the lifecycle's fan mode.
 */
package dev.bmcagent.agent.fan;
