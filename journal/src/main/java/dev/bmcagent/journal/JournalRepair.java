package dev.bmcagent.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The repairs {@link Journal#open} makes after a {@link JournalScan}: keep a copy, cut the tail, log what is lost. */
final class JournalRepair {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    private JournalRepair() {}

    /** Copies the file as found to {@code <name>.damaged-<n>} (first unused n), owner-only, fsynced. */
    static Path copyAside(FileChannel channel, Path file) throws IOException {
        for (int n = 1; ; n++) {
            Path target = file.resolveSibling(file.getFileName() + ".damaged-" + n);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (FileChannel out = FileChannel.open(
                    target,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    AtomicFiles.ownerOnly())) {
                long size = channel.size();
                long p = 0;
                while (p < size) {
                    p += channel.transferTo(p, size - p, out);
                }
                out.force(true);
            } catch (FileAlreadyExistsException e) {
                continue; // created since the check: try the next number
            }
            AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
            return target;
        }
    }

    /** Cuts what follows the last valid frame; returns where (-1 if the file ended cleanly). */
    static long cutTail(FileChannel channel, Path file, JournalScan scan) throws IOException {
        long size = channel.size();
        if (scan.validEnd() >= size) {
            return -1;
        }
        long at = scan.validEnd();
        log.warn(
                "journal {}: {} at offset {} ({} bytes) cut off",
                file,
                scan.tornTail() ? "torn tail" : "damaged tail (no valid record follows)",
                at,
                size - at);
        channel.truncate(at);
        channel.force(true);
        return at;
    }

    /** Logs each corrupt region skipped in the middle; returns their start offsets. */
    static List<Long> skipped(Path file, JournalScan scan) {
        List<Long> skipped = new ArrayList<>();
        for (JournalScan.Region r : scan.corrupt()) {
            skipped.add(r.from());
            log.warn(
                    "journal {}: {} corrupt bytes at offset {} skipped; the valid records after them are kept",
                    file,
                    r.length(),
                    r.from());
        }
        return skipped;
    }
}
