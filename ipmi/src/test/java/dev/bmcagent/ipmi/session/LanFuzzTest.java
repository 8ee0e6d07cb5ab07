package dev.bmcagent.ipmi.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated datagrams: no exception may reach the processor's safety net (the internal-error
 * counter stays 0: every malformed input is a typed decode failure), and a valid login works afterwards.
 */
class LanFuzzTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final InetSocketAddress FUZZER = new InetSocketAddress(LOOPBACK, 45000);
    static final int IN_PROCESS = 1_000_000;
    static final int OVER_SOCKET = 10_000;

    /** Seeds: exact ipmitool pre-session packets plus a whole login captured from the oracle console. */
    static List<byte[]> corpus(LanPacketProcessor p) {
        HexFormat h = HexFormat.of();
        List<byte[]> seeds = new ArrayList<>(List.of(
                h.parseHex("060000FF06000011BE80C40000".substring(2)),
                h.parseHex("0600FF070000000000000000000920" + "18C88100388E04B5"),
                h.parseHex("0600FF070600000000000000000A00" + "20" + "18C88104540E008099")));
        List<byte[]> login = new ArrayList<>();
        OracleClient c = new OracleClient(17, bytes -> {
            login.add(bytes.clone());
            return p.process(bytes, FUZZER);
        });
        assertEquals(0, c.login("admin", "secret", 0x14));
        c.command(0x06, 0x01);
        c.command(0x06, 0x3B, (byte) 4);
        OracleClient c3 = new OracleClient(3, bytes -> {
            login.add(bytes.clone());
            return p.process(bytes, FUZZER);
        });
        assertEquals(0, c3.login("oper", "opsecret", 0x03));
        c3.command(0x00, 0x02, (byte) 1);
        seeds.addAll(login);
        return seeds;
    }

    static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        switch (r.nextInt(7)) {
            case 0 -> { // flip 1-4 bits
                for (int i = r.nextInt(1, 5); i > 0 && b.length > 0; i--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> { // overwrite a byte with an interesting value
                if (b.length > 0) {
                    int[] v = {0x00, 0xFF, 0x7F, 0x80, 0x06, 0x07, 0x10, 0x12, 0x14, 0xC0};
                    b[r.nextInt(b.length)] = (byte) v[r.nextInt(v.length)];
                }
            }
            case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1)); // truncate (valid prefix)
            case 3 -> { // extend with garbage
                byte[] e = Arrays.copyOf(b, b.length + r.nextInt(1, 64));
                for (int i = b.length; i < e.length; i++) {
                    e[i] = (byte) r.nextInt(256);
                }
                b = e;
            }
            case 4 -> { // length fields (v1.5 byte 13, RMCP+ bytes 14-15) out of step
                if (b.length > 15) {
                    b[r.nextBoolean() ? 13 : 14 + r.nextInt(2)] = (byte) r.nextInt(256);
                }
            }
            case 5 -> { // keep the valid RMCP+ header, randomise the rest
                for (int i = Math.min(16, b.length); i < b.length; i++) {
                    b[i] = (byte) r.nextInt(256);
                }
            }
            default -> { // fully random datagram
                b = new byte[r.nextInt(0, 300)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) r.nextInt(256);
                }
                if (b.length > 4 && r.nextBoolean()) {
                    b[0] = 0x06;
                    b[3] = (byte) (r.nextBoolean() ? 0x07 : 0x06);
                }
            }
        }
        return b;
    }

    @Test
    void aMillionMutatedDatagramsInProcess() throws Exception {
        LanTestServer bmc = new LanTestServer(IpmiLanOptions.defaults(), SecureRandom.getInstance("SHA1PRNG"));
        List<byte[]> seeds = corpus(bmc.processor);
        SplittableRandom r = new SplittableRandom(0x1234_5678L);
        int answered = 0;
        for (int i = 0; i < IN_PROCESS; i++) {
            byte[] d = mutate(seeds.get(r.nextInt(seeds.size())), r);
            InetSocketAddress from = i % 8 == 0 ? new InetSocketAddress(LOOPBACK, 46000 + r.nextInt(16)) : FUZZER;
            if (bmc.processor.process(d, from).isPresent()) {
                answered++;
            }
            if (i % 100_000 == 0) {
                bmc.clock.advance(Duration.ofSeconds(11)); // let stale handshakes expire now and then
            }
        }
        assertEquals(0, bmc.counters.internalErrorCount(), bmc.counters.toString());
        assertTrue(bmc.counters.droppedMalformedCount() > IN_PROCESS / 2, bmc.counters.toString());
        assertTrue(answered > 0, "some mutants are still valid requests");
        // Mutated RAKP 3s are failed logins: the fuzzer may have locked 'admin' out. Let that pass.
        bmc.clock.advance(IpmiLanOptions.DEFAULT_LOCKOUT_DURATION);
        OracleClient c = OracleClient.inProcess(17, bmc.processor, new InetSocketAddress(LOOPBACK, 47000));
        assertEquals(0, c.login("admin", "secret", 0x14), "a valid login works after the fuzzing");
        assertEquals(0x00, c.command(0x06, 0x01).orElseThrow()[0]);
        System.out.println("fuzz: " + bmc.counters + " answered " + answered);
    }

    @Test
    void aBurstOverTheRealSocketLeavesTheServerAnswering() throws Exception {
        try (LanTestServer bmc = LanTestServer.started();
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
                DatagramSocket login = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            List<byte[]> seeds = corpus(bmc.processor);
            SplittableRandom r = new SplittableRandom(42);
            for (int i = 1; i <= OVER_SOCKET; i++) {
                byte[] d = mutate(seeds.get(r.nextInt(seeds.size())), r);
                socket.send(new DatagramPacket(d, d.length, bmc.address()));
                if (i % 500 == 0) { // bursts of 500, then let the server drain its receive buffer
                    long sent = i;
                    Awaitility.await()
                            .atMost(Duration.ofSeconds(5))
                            .pollInterval(Duration.ofMillis(5))
                            .until(() -> bmc.counters.receivedCount() >= sent * 8 / 10);
                }
            }
            System.out.println("after burst: " + bmc.counters);
            // Mutated RAKP 3s are failed logins: the fuzzer may have locked 'admin' out. Let that pass.
            bmc.clock.advance(IpmiLanOptions.DEFAULT_LOCKOUT_DURATION);
            login.setSoTimeout(500); // a fresh socket: no stale replies to fuzz datagrams
            OracleClient c = new OracleClient(17, bytes -> udp(login, bmc.address(), bytes));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .until(() -> c.login("admin", "secret", 0x14) == 0);
            assertEquals(0x00, c.command(0x06, 0x01).orElseThrow()[0]);
            assertEquals(0, bmc.counters.internalErrorCount(), bmc.counters.toString());
        }
    }

    /** One request/response over UDP. */
    private static Optional<byte[]> udp(DatagramSocket s, InetSocketAddress to, byte[] bytes) {
        try {
            s.send(new DatagramPacket(bytes, bytes.length, to));
            byte[] buf = new byte[1024];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            s.receive(p);
            return Optional.of(Arrays.copyOf(buf, p.getLength()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
