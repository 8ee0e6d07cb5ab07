package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reserved ceilings of the counters a journal hands out (its own ids, and ids its users keep in their payloads:
 * SEL record ids, per-host event sequence numbers), in a small file beside the journal ({@code <journal>.hwm},
 * one {@code key=value} line each, replaced atomically). Before a value above the ceiling is handed out the ceiling
 * is raised to {@code value + BLOCK - 1} and written, so the file is written once per {@value #BLOCK} values, and
 * every value ever handed out is {@code <=} the stored ceiling. After corruption destroyed records, counters resume
 * above the ceiling: ids lost with the damaged records are never handed out again (a gap of less than one block).
 * Not thread-safe: the journal calls it under its lock.
 */
final class HighWaterMarks {
    /** Values reserved per write of the file. */
    static final long BLOCK = 64;

    private static final Logger log = LoggerFactory.getLogger(HighWaterMarks.class);

    private final Path file;
    private final Map<String, Long> ceilings;

    private HighWaterMarks(Path file, Map<String, Long> ceilings) {
        this.file = file;
        this.ceilings = ceilings;
    }

    static Path fileFor(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".hwm");
    }

    /** Loads the ceilings of {@code journal} (none if the file is absent; a damaged line is ignored and logged). */
    static HighWaterMarks load(Path journal) throws IOException {
        Path file = fileFor(journal);
        Map<String, Long> ceilings = new TreeMap<>();
        try {
            if (Files.isSymbolicLink(file)
                    || (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))) {
                throw new IOException(file + " is not a regular file");
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                try {
                    if (eq > 0) {
                        ceilings.put(
                                line.substring(0, eq),
                                Long.parseLong(line.substring(eq + 1).trim()));
                    }
                } catch (NumberFormatException e) {
                    log.warn("{}: damaged line ignored: {}", file, line);
                }
            }
        } catch (NoSuchFileException e) {
            // a new journal, or one written before high-water marks existed
        }
        return new HighWaterMarks(file, ceilings);
    }

    /** Every value of {@code key} handed out so far is {@code <=} this (0: none recorded). */
    long ceiling(String key) {
        return ceilings.getOrDefault(key, 0L);
    }

    /** Call before handing out {@code value} of {@code key}: persists a new ceiling when {@code value} passes it. */
    void reserve(String key, long value) throws IOException {
        if (!key.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("high-water mark key must be 1..64 of [A-Za-z0-9._-]: " + key);
        }
        if (value <= ceiling(key)) {
            return;
        }
        Map<String, Long> next = new TreeMap<>(ceilings);
        next.put(key, value + BLOCK - 1);
        StringBuilder text = new StringBuilder();
        next.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), true);
        ceilings.clear();
        ceilings.putAll(next);
    }

    Path file() {
        return file;
    }
}
