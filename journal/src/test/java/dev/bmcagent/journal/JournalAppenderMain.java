package dev.bmcagent.journal;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Child process for {@link JournalKillTest}: appends {@code count} records to a journal and prints
 * {@code ACK <id> <run> <i>} for each append only after {@link Journal#append} returned.
 * Usage: {@code JournalAppenderMain <journal file> <run> <count>}.
 */
public final class JournalAppenderMain {
    private JournalAppenderMain() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        BufferedWriter out = new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.US_ASCII));
        try (Journal journal = Journal.open(file, JournalOptions.processCrashSafe())) {
            for (int i = 0; i < count; i++) {
                long id = journal.append(payload(run, i));
                out.write(String.format(Locale.ROOT, "ACK %d %d %d%n", id, run, i));
                out.flush();
            }
        }
        out.write("DONE\n");
        out.flush();
    }

    /** The payload of record {@code i} of {@code run}: self-describing, 20..1043 bytes. */
    static byte[] payload(int run, int i) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "run=%d i=%d ", run, i));
        int pad = (i * 7919) % 1024;
        for (int k = 0; k < pad; k++) {
            b.append((char) ('a' + (i + k) % 26));
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
