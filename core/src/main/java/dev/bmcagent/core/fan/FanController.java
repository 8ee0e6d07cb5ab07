package dev.bmcagent.core.fan;

import java.util.List;

/** The port that drives fans: duty per zone in percent. Adapters: hwmon pwmN sysfs, the simulator. */
public interface FanController {

    /** Sets zone {@code zone}'s duty, 0-100 %. */
    void setDuty(int zone, int percent);

    /** The zones this controller drives, ascending (a single zone 0 unless the adapter says otherwise). */
    default List<Integer> zones() {
        return List.of(0);
    }
}
