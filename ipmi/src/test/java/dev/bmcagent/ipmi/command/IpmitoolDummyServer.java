package dev.bmcagent.ipmi.command;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Serves ipmitool's "dummy" interface ({@code ipmitool -I dummy}, src/plugins/dummy) on a Unix socket so the
 * real ipmitool drives the {@link Dispatcher} without the LAN layer. Wire format = the C structs on x86-64:
 * request {netfn, lun, cmd, target_cmd, u16 data_len, pad 2, pointer 8} + data; response {netfn, cmd, seq,
 * lun, ccode, pad 3, i32 data_len, pad 4, pointer 8} + data. netfn 3Fh cmd FFh = goodbye.
 */
public final class IpmitoolDummyServer implements AutoCloseable {
    private static final int RQ_SIZE = 16;
    private static final int RS_SIZE = 24;

    private final Path socket;
    private final ServerSocketChannel server;
    private final Dispatcher dispatcher;
    private final Privilege privilege;
    private final Thread thread;
    /** Every request seen, as "netFn cmd: data" hex, for assertions on what the client sent. */
    public final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public IpmitoolDummyServer(Path dir, Dispatcher dispatcher, Privilege privilege) throws IOException {
        this.socket = dir.resolve("ipmi.sock");
        this.dispatcher = dispatcher;
        this.privilege = privilege;
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "ipmitool-dummy");
        thread.setDaemon(true);
        thread.start();
    }

    public Path socket() {
        return socket;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel ch = server.accept()) {
                handle(ch);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(SocketChannel ch) throws IOException {
        while (true) {
            ByteBuffer rq = read(ch, RQ_SIZE);
            if (rq == null) {
                return;
            }
            int netFn = rq.get(0) & 0xFF;
            int lun = rq.get(1) & 0x03;
            int cmd = rq.get(2) & 0xFF;
            int len = rq.getShort(4) & 0xFFFF;
            if (netFn == 0x3F && cmd == 0xFF) {
                return;
            }
            byte[] data = new byte[len];
            if (len > 0) {
                ByteBuffer d = read(ch, len);
                if (d == null) {
                    return;
                }
                d.get(data);
            }
            log.add(String.format(java.util.Locale.ROOT, "%02X %02X: %s", netFn, cmd, TestBmc.hex(data)));
            RequestContext ctx = new RequestContext(Channel.LAN, privilege, "admin", 0x0102, 0);
            IpmiResponse rs = dispatcher.dispatch(new IpmiRequest(ctx, netFn & 0x3E, lun, cmd, data));
            byte[] out = rs.data();
            ByteBuffer head = ByteBuffer.allocate(RS_SIZE + out.length).order(ByteOrder.LITTLE_ENDIAN);
            head.put(0, (byte) (netFn | 1)).put(1, (byte) cmd).put(2, (byte) 0).put(3, (byte) lun);
            head.put(4, (byte) rs.completionCode().value());
            head.putInt(8, out.length);
            head.position(RS_SIZE);
            head.put(out);
            head.flip();
            while (head.hasRemaining()) {
                ch.write(head);
            }
        }
    }

    private static ByteBuffer read(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                return null;
            }
        }
        return b.flip();
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
