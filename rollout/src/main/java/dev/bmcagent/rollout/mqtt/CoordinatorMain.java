package dev.bmcagent.rollout.mqtt;

import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.rollout.permit.PermitPolicy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * One coordinator instance as a process (the kill -9 test starts several):
 * {@code CoordinatorMain BROKER_URI INSTANCE FLEET_SIZE PERCENT PER_GROUP LEASE_SECONDS}. Prints "ready" once
 * subscribed; runs until killed.
 */
public final class CoordinatorMain {
    private CoordinatorMain() {}

    public static void main(String[] args) throws Exception {
        PermitPolicy policy = new PermitPolicy(
                Integer.parseInt(args[4]),
                Double.parseDouble(args[3]),
                Integer.parseInt(args[2]),
                Duration.ofSeconds(Long.parseLong(args[5])));
        SystemScheduler clock = new SystemScheduler("rollout-clock");
        MqttPermitCoordinator c = new MqttPermitCoordinator(args[0], args[1], policy, clock.clock());
        c.start();
        System.out.println("ready " + args[1]);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
