package dev.bmcagent.mqtt.telemetry;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A publisher in its own JVM, for the kill -9 last-will test: {@code PublisherMain <broker-uri> <data-dir>}. */
public final class PublisherMain {
    private PublisherMain() {}

    public static void main(String[] args) throws Exception {
        TelemetryFixture fx = new TelemetryFixture("s-child", List.of("host0"));
        MqttTelemetry t = fx.telemetry(TelemetryFixture.options(args[0], Path.of(args[1])));
        t.start();
        fx.powerOnToMemoryInit("host0");
        System.out.println("STARTED");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
