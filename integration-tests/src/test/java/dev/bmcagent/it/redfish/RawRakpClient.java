package dev.bmcagent.it.redfish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A password guesser as an attacker writes it: RMCP+ Open Session, RAKP 1 and (optionally) a RAKP 3 keyed with the
 * guessed password, cipher suite 3 (HMAC-SHA1), from a UDP socket bound to a chosen loopback address (ipmitool
 * cannot choose its source address). Written from IPMI 2.0 §13.17-13.20; shares no code with the agent.
 */
final class RawRakpClient implements AutoCloseable {
    /** A RAKP 2 that carried an HMAC (status 0): one offline-crackable sample. */
    static final int HMAC_HANDED_OUT = 0;

    static final int NO_ANSWER = -1;

    private final DatagramSocket socket;
    private final InetSocketAddress bmc;
    private final SecureRandom random = new SecureRandom();

    RawRakpClient(String sourceAddress, InetSocketAddress bmc) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            this.socket.setSoTimeout(2000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.bmc = bmc;
    }

    /**
     * One guess: Open Session, RAKP 1 for {@code user}; when RAKP 2 carries an HMAC and {@code answer}, a RAKP 3
     * keyed with {@code guess}. Returns the RAKP 2 status (0 = an HMAC was handed out), or the Open Session status
     * when that failed, or {@link #NO_ANSWER}.
     */
    int guess(String user, String guess, boolean answer) {
        int consoleId = random.nextInt() | 1;
        byte[] open = cat(
                new byte[] {0x01, 0x04, 0, 0},
                le(consoleId),
                new byte[] {0, 0, 0, 8, 1, 0, 0, 0},
                new byte[] {1, 0, 0, 8, 1, 0, 0, 0},
                new byte[] {2, 0, 0, 8, 1, 0, 0, 0});
        byte[] r = exchange(0x10, open);
        if (r == null) {
            return NO_ANSWER;
        }
        if (r[1] != 0) {
            return r[1] & 0xFF;
        }
        int bmcId = ByteBuffer.wrap(r, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] rm = new byte[16];
        random.nextBytes(rm);
        byte[] name = user.getBytes(StandardCharsets.US_ASCII);
        byte[] r2 = exchange(
                0x12,
                cat(new byte[] {0x02, 0, 0, 0}, le(bmcId), rm, new byte[] {0x14, 0, 0, (byte) name.length}, name));
        if (r2 == null) {
            return NO_ANSWER;
        }
        int status = r2[1] & 0xFF;
        if (status == 0 && answer) {
            byte[] rc = Arrays.copyOfRange(r2, 8, 24);
            byte[] code = hmac(guess, cat(rc, le(consoleId), new byte[] {0x14, (byte) name.length}, name));
            exchange(0x14, cat(new byte[] {0x03, 0, 0, 0}, le(bmcId), code));
        }
        return status;
    }

    /** Sends one sessionless RMCP+ payload and returns the reply's payload, or null after 2 s of silence. */
    private byte[] exchange(int payloadType, byte[] payload) {
        byte[] packet = cat(
                new byte[] {0x06, 0x00, (byte) 0xFF, 0x07, 0x06, (byte) payloadType},
                new byte[8],
                new byte[] {(byte) payload.length, (byte) (payload.length >> 8)},
                payload);
        try {
            socket.send(new DatagramPacket(packet, packet.length, bmc));
            byte[] buf = new byte[512];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            socket.receive(in);
            return in.getLength() < 18 ? null : Arrays.copyOfRange(buf, 16, in.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hmac(String password, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Arrays.copyOf(password.getBytes(StandardCharsets.US_ASCII), 20), "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] cat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
