package dev.bmcagent.mqtt.telemetry;

import dev.bmcagent.journal.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The last sequence number the broker acknowledged, per host, in one small properties file written atomically
 * (temp file, fsync, rename). After a crash the file may be behind: events are then sent twice, which
 * subscribers detect by sequence number. Not thread-safe: owned by the publisher's worker thread.
 */
public final class AckStore {
    public static final String FILE_NAME = "mqtt-acked.properties";

    private final Path file;

    public AckStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** What was last saved; empty when nothing was (or the file is unreadable: then everything is resent). */
    public Map<String, Long> load() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
        Map<String, Long> acked = new TreeMap<>();
        for (String host : p.stringPropertyNames()) {
            try {
                long v = Long.parseLong(p.getProperty(host).trim());
                if (v >= 0) {
                    acked.put(host, v);
                }
            } catch (NumberFormatException e) {
                // a damaged line: that host is resent from the start
            }
        }
        return acked;
    }

    /** Replaces the file with {@code acked}, atomically (exclusive temp file, never through a symlink). */
    public void save(Map<String, Long> acked) {
        Properties p = new Properties();
        acked.forEach((h, v) -> p.setProperty(h, Long.toString(v)));
        try {
            AtomicFiles.createPrivateDirectories(file.getParent());
            StringWriter text = new StringWriter();
            p.store(text, "last MQTT-acknowledged event sequence per host");
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }

    public Path file() {
        return file;
    }
}
