package dev.bmcagent.mqtt.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a broker, for tests: can cut every connection abruptly (RST, no DISCONNECT:
 * the broker then publishes the client's will), and can play an MQTT 3.1.1-only broker by answering an MQTT 5
 * CONNECT with CONNACK return code 1 (unacceptable protocol version, MQTT 3.1.1 §3.2.2.3) and closing.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final boolean refuseV5;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final AtomicInteger refusedV5 = new AtomicInteger();
    private volatile boolean blocked;

    TcpProxy(int targetPort, boolean refuseV5) {
        this.targetPort = targetPort;
        this.refuseV5 = refuseV5;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptLoop, "tcp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** While blocked, new connections are closed at once (the broker looks unreachable to the client). */
    void setBlocked(boolean blocked) {
        this.blocked = blocked;
    }

    int refusedV5() {
        return refusedV5.get();
    }

    /** Resets every proxied connection (SO_LINGER 0). */
    void cutAll() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0);
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (blocked) {
                    client.close();
                    continue;
                }
                Thread t = new Thread(() -> handle(client), "tcp-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = client.getInputStream();
            // CONNECT: fixed header, remaining length (varint), then protocol name (2+4 bytes) and level.
            int first = in.read();
            int len = 0;
            int mul = 1;
            int b;
            byte[] header = new byte[5];
            int h = 0;
            header[h++] = (byte) first;
            do {
                b = in.read();
                header[h++] = (byte) b;
                len += (b & 0x7F) * mul;
                mul *= 128;
            } while ((b & 0x80) != 0 && h < 5);
            byte[] body = in.readNBytes(len);
            int level = body.length > 6 ? body[6] : 0;
            if (refuseV5 && level == 5) {
                refusedV5.incrementAndGet();
                client.getOutputStream().write(new byte[] {0x20, 0x02, 0x00, 0x01});
                client.getOutputStream().flush();
                client.close();
                return;
            }
            Socket upstream = new Socket();
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
            sockets.add(client);
            sockets.add(upstream);
            OutputStream up = upstream.getOutputStream();
            up.write(header, 0, h);
            up.write(body);
            up.flush();
            Thread back = new Thread(() -> pipe(upstream, client), "tcp-proxy-back");
            back.setDaemon(true);
            back.start();
            pipe(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // connection cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        cutAll();
    }
}
