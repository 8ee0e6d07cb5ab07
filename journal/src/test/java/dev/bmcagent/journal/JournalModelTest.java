package dev.bmcagent.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any sequence of appends, retentions, compactions and reopens leaves the journal equal to a simple
 * in-memory model: same records, same ids, and the next id one above everything ever handed out.
 */
class JournalModelTest {

    sealed interface Op permits Append, Retain, DropOdd, Reopen {}

    record Append(int size) implements Op {}

    record Retain(int n) implements Op {}

    record DropOdd() implements Op {}

    record Reopen() implements Op {}

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 300).map(Append::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 5).map(Retain::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new DropOdd())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Reopen())));
        return op.list().ofMaxSize(60);
    }

    @Property(tries = 60)
    void journalBehavesLikeTheModel(@ForAll("ops") List<Op> ops) throws IOException {
        Path dir = Files.createTempDirectory("journal-model");
        try {
            Path file = dir.resolve("m.journal");
            List<JournalRecord> model = new ArrayList<>();
            long nextId = 1;
            Journal j = Journal.open(file, JournalOptions.processCrashSafe());
            try {
                for (Op op : ops) {
                    if (op instanceof Append a) {
                        byte[] payload = new byte[a.size()];
                        for (int i = 0; i < payload.length; i++) {
                            payload[i] = (byte) (nextId * 31 + i);
                        }
                        assertEquals(nextId, j.append(payload));
                        model.add(new JournalRecord(nextId++, payload));
                    } else if (op instanceof Retain r) {
                        j.retainLast(r.n());
                        while (model.size() > r.n()) {
                            model.remove(0);
                        }
                    } else if (op instanceof DropOdd) {
                        j.compact(rec -> rec.id() % 2 == 0);
                        model.removeIf(rec -> rec.id() % 2 != 0);
                    } else {
                        j.close();
                        j = Journal.open(file, JournalOptions.processCrashSafe());
                        assertEquals(true, j.recovery().clean(), "clean reopen");
                    }
                    assertEquals(model, j.read(0, Integer.MAX_VALUE));
                    assertEquals(nextId, j.nextId());
                }
            } finally {
                j.close();
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
