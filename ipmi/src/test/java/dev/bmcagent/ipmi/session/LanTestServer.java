package dev.bmcagent.ipmi.session;

import dev.bmcagent.ipmi.command.app.SessionSetupCommands;
import dev.bmcagent.ipmi.lan.IpmiLanOptions;
import dev.bmcagent.ipmi.lan.IpmiLanServer;
import dev.bmcagent.ipmi.lan.LanCounters;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/** A small test BMC: users admin/secret (ADMINISTRATOR), oper/opsecret (OPERATOR), a tiny command table. */
final class LanTestServer implements AutoCloseable {
    static final byte[] GUID = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    /** Get Device ID response (IPMI 2.0 §20.1): 15 bytes, device ID 20h, revision 81h (SDRs), firmware 1.23. */
    static final byte[] DEVICE_ID = HexFormat.of().parseHex("2081012302bf7b1c00341200000000");

    final LanCounters counters = new LanCounters();
    final InMemoryUserDirectory users = new InMemoryUserDirectory(
            IpmiUser.of(2, "admin", "secret", Privilege.ADMINISTRATOR),
            IpmiUser.of(3, "oper", "opsecret", Privilege.OPERATOR));
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final LanPacketProcessor processor;
    final IpmiLanServer server;

    LanTestServer(IpmiLanOptions options) {
        this(options, new SecureRandom());
    }

    LanTestServer(IpmiLanOptions options, SecureRandom random) {
        CommandRegistry registry = CommandRegistry.builder()
                .add(CommandSpec.of(
                        "Get Device ID", NetFn.APP, 0x01, Privilege.USER, 0, 0, r -> IpmiResponse.ok(DEVICE_ID)))
                .add(CommandSpec.of(
                        "Get Self Test Results",
                        NetFn.APP,
                        0x04,
                        Privilege.USER,
                        0,
                        0,
                        r -> IpmiResponse.ok((byte) 0x55, (byte) 0x00)))
                .add(CommandSpec.of(
                        "Get ACPI Power State",
                        NetFn.APP,
                        0x07,
                        Privilege.USER,
                        0,
                        0,
                        r -> IpmiResponse.ok((byte) 0x00, (byte) 0x00)))
                .add(CommandSpec.of(
                        "Get Device GUID", NetFn.APP, 0x08, Privilege.USER, 0, 0, r -> IpmiResponse.ok(GUID)))
                .add(CommandSpec.of(
                        "Get System GUID", NetFn.APP, 0x37, Privilege.USER, 0, 0, r -> IpmiResponse.ok(GUID)))
                .add(CommandSpec.of(
                        "Get Chassis Status",
                        NetFn.CHASSIS,
                        0x01,
                        Privilege.USER,
                        0,
                        0,
                        r -> IpmiResponse.ok((byte) 0x01, (byte) 0x00, (byte) 0x40, (byte) 0x00)))
                .add(CommandSpec.of(
                        "Chassis Control", NetFn.CHASSIS, 0x02, Privilege.OPERATOR, 1, 1, r -> IpmiResponse.ok()))
                .addAll(new SessionSetupCommands(options.allowInsecure()).specs())
                .build();
        processor = new LanPacketProcessor(options, users, new Dispatcher(registry), 0, GUID, clock, random, counters);
        server = new IpmiLanServer(options, processor, counters);
    }

    static LanTestServer started() {
        LanTestServer s = new LanTestServer(IpmiLanOptions.defaults().withBind("127.0.0.1", 0));
        s.server.startBlocking();
        return s;
    }

    int port() {
        return server.localAddress().getPort();
    }

    InetSocketAddress address() {
        return server.localAddress();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
