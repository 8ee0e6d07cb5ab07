package dev.bmcagent.core.fan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drives fans through Linux hwmon {@code pwmN} files: duty 0-100 % becomes 0-255, and {@code pwmN_enable} is
 * set to 1 (manual control) before the first write to each channel. Files must exist (never created). A zone maps to one or more pwm files,
 * relative to the root (e.g. {@code hwmon3/pwm1}). Write failures throw {@link UncheckedIOException}.
 */
public final class HwmonFanController implements FanController {
    private static final OpenOption[] EXISTING = {StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING};

    private final Path root;
    private final Map<Integer, List<String>> zones;
    private final Set<Path> enabled = ConcurrentHashMap.newKeySet();

    /**
     * @param root  hwmon root, normally {@code /sys/class/hwmon}
     * @param zones zone number to pwm files relative to the root
     */
    public HwmonFanController(Path root, Map<Integer, List<String>> zones) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        Map<Integer, List<String>> copy = new TreeMap<>();
        zones.forEach((z, files) -> {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("zone " + z + " has no pwm file");
            }
            copy.put(z, List.copyOf(files));
        });
        this.zones = Map.copyOf(copy);
    }

    @Override
    public List<Integer> zones() {
        return zones.keySet().stream().sorted().toList();
    }

    @Override
    public void setDuty(int zone, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("duty out of 0-100: " + percent);
        }
        List<String> files = zones.get(zone);
        if (files == null) {
            throw new IllegalArgumentException("no such fan zone: " + zone);
        }
        String value = Integer.toString(toPwm(percent));
        for (String f : files) {
            Path pwm = resolve(f);
            Path enable = pwm.resolveSibling(pwm.getFileName() + "_enable");
            try {
                if (!enabled.contains(pwm)) {
                    Files.writeString(enable, "1", StandardCharsets.US_ASCII, EXISTING);
                    enabled.add(pwm);
                }
                Files.writeString(pwm, value, StandardCharsets.US_ASCII, EXISTING);
            } catch (IOException e) {
                enabled.remove(pwm);
                throw new UncheckedIOException("write " + pwm, e);
            }
        }
    }

    /** 0-100 % to the hwmon 0-255 scale, rounded to nearest. */
    static int toPwm(int percent) {
        return (percent * 255 + 50) / 100;
    }

    private Path resolve(String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalArgumentException("pwm path outside " + root + ": " + relative);
        }
        return p;
    }
}
