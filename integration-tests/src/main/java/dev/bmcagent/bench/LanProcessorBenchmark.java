package dev.bmcagent.bench;

import dev.bmcagent.ipmi.session.LanPacketProcessor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-datagram cost of {@link LanPacketProcessor#process} for an encrypted, signed Get SEL Entry (Storage 43h)
 * in a session established beforehand, against the benchmark target's 1,000-record SEL. {@code getSelEntry}
 * includes building the request (the console's AES + HMAC); {@code clientOnly} is that part alone, so the
 * server's cost is the difference.
 *
 * <pre>java -cp ... org.openjdk.jmh.Main LanProcessorBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LanProcessorBenchmark {
    private static final InetSocketAddress CONSOLE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40_623);
    private static final byte[] FIRST_ENTRY = {0, 0, 0, 0, 0, (byte) 0xFF}; // reservation 0, record 0000h, all

    @Param({"3", "17"})
    public int suite;

    private IpmiBenchTarget target;
    private LanPacketProcessor processor;
    private BenchConsole console;

    @Setup
    public void setUp() throws GeneralSecurityException {
        target = new IpmiBenchTarget(0, "admin", "benchpass", 1000);
        processor = target.processor();
        console = new BenchConsole(suite, d -> processor.process(d, CONSOLE).orElse(null));
        console.login("admin", "benchpass");
        byte[] reply = console.open(processor
                .process(console.request(0x0A, 0x43, FIRST_ENTRY), CONSOLE)
                .orElseThrow(() -> new IllegalStateException("no reply to Get SEL Entry")));
        if (reply[0] != 0 || reply.length != 1 + 2 + 16) {
            throw new IllegalStateException("Get SEL Entry failed: " + reply.length + " bytes, cc " + reply[0]);
        }
    }

    @TearDown
    public void tearDown() {
        target.close();
    }

    @Benchmark
    public byte[] getSelEntry() throws GeneralSecurityException {
        return processor
                .process(console.request(0x0A, 0x43, FIRST_ENTRY), CONSOLE)
                .orElseThrow();
    }

    @Benchmark
    public byte[] clientOnly() throws GeneralSecurityException {
        return console.request(0x0A, 0x43, FIRST_ENTRY);
    }
}
