package dev.bmcagent.core.sensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads sensors from Linux hwmon sysfs files (what a real BMC has). A sensor's address is a path relative to the
 * root, e.g. {@code hwmon0/temp1_input}. Units (Documentation/hwmon/sysfs-interface): {@code temp*_input}
 * millidegrees Celsius, {@code fan*_input} RPM, {@code power*_input} microwatts; converted to the
 * {@link SensorKind} unit. Missing files, I/O errors and garbage become {@link Reading.Failed} with the reason.
 */
public final class HwmonSensorBus implements SensorBus {
    /** Where Linux exposes hwmon devices. */
    public static final Path DEFAULT_ROOT = Path.of("/sys/class/hwmon");

    private final Path root;

    public HwmonSensorBus(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public HwmonSensorBus() {
        this(DEFAULT_ROOT);
    }

    @Override
    public Reading read(SensorSpec sensor) {
        Path file;
        try {
            file = root.resolve(sensor.address()).normalize();
        } catch (InvalidPathException e) {
            return new Reading.Failed("invalid hwmon path: " + sensor.address());
        }
        if (!file.startsWith(root) || file.equals(root)) {
            return new Reading.Failed("hwmon path outside " + root + ": " + sensor.address());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return new Reading.Failed("no such file: " + file);
        } catch (IOException e) {
            return new Reading.Failed("read " + file + ": " + e);
        }
        long raw;
        try {
            raw = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return new Reading.Failed("not a number in " + file + ": '" + abbreviate(text) + "'");
        }
        return new Reading.Value(scale(sensor.kind(), raw));
    }

    /** Converts a raw hwmon value to the kind's unit. */
    static double scale(SensorKind kind, long raw) {
        return switch (kind) {
            case TEMPERATURE -> raw / 1000.0;
            case FAN -> raw;
            case POWER -> raw / 1_000_000.0;
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
