package dev.bmcagent.agent.fan;

/** The port that drives fans: duty per zone in percent. Adapters: hwmon pwmN sysfs, the simulator. */
public interface FanController {

    /** Sets zone {@code zone}'s duty, 0-100 %. */
    void setDuty(int zone, int percent);
}
