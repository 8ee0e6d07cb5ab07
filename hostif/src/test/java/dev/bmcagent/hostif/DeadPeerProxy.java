package dev.bmcagent.hostif;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay on 127.0.0.1 between a host and the BMC that can make the host's side vanish as a crashed machine
 * does: after {@link #vanish()} nothing is relayed any more, the BMC's connection stays open (no FIN: the machine
 * is gone, not closing), and the first bytes the BMC sends are answered with a reset, as a peer kernel that no
 * longer knows the connection answers a segment for it.
 */
final class DeadPeerProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private volatile boolean vanished;
    private volatile Socket downstream;
    private volatile Socket upstream;

    DeadPeerProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptOne, "dead-peer-proxy");
        t.setDaemon(true);
        t.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    void vanish() {
        vanished = true;
    }

    private void acceptOne() {
        try {
            downstream = listener.accept();
            upstream = new Socket(target.getAddress(), target.getPort());
            pump(downstream, upstream, false);
            pump(upstream, downstream, true);
        } catch (IOException e) {
            // closed
        }
    }

    private void pump(Socket from, Socket to, boolean fromBmc) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[4096];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            if (vanished) {
                                if (fromBmc) {
                                    from.setSoLinger(true, 0);
                                    from.close(); // RST to the BMC
                                    return;
                                }
                                continue;
                            }
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side closed
                    }
                },
                "dead-peer-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : new Socket[] {downstream, upstream}) {
            if (s != null) {
                s.close();
            }
        }
    }
}
