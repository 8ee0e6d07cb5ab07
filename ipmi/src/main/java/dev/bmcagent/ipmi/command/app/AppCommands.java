package dev.bmcagent.ipmi.command.app;

import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.List;

/** App NetFn device commands: Get Device ID, Get Self Test Results, Get Device GUID, Get System GUID. */
public final class AppCommands {
    /**
     * Additional device support (§20.1 byte 6): chassis device, IPMB event receiver (Platform Event Message),
     * FRU inventory, SEL, SDR repository, sensor device.
     */
    static final int DEVICE_SUPPORT = 0x80 | 0x10 | 0x08 | 0x04 | 0x02 | 0x01;

    private static final int IPMI_VERSION_2_0 = 0x02;
    private static final int SELF_TEST_NO_ERROR = 0x55;

    private final BmcIdentity identity;

    public AppCommands(BmcIdentity identity) {
        this.identity = identity;
    }

    public List<CommandSpec> specs() {
        int a = NetFn.APP;
        return List.of(
                CommandSpec.of("Get Device ID", a, 0x01, Privilege.USER, 0, 0, this::deviceId),
                CommandSpec.of(
                        "Get Self Test Results",
                        a,
                        0x04,
                        Privilege.USER,
                        0,
                        0,
                        rq -> IpmiResponse.ok((byte) SELF_TEST_NO_ERROR, (byte) 0x00)),
                CommandSpec.of(
                        "Get Device GUID",
                        a,
                        0x08,
                        Privilege.USER,
                        0,
                        0,
                        rq -> IpmiResponse.ok(BmcIdentity.ipmiGuidBytes(identity.deviceGuid()))),
                // Appendix G: Get System GUID is available without a session; CALLBACK is the lowest level.
                CommandSpec.of(
                        "Get System GUID",
                        a,
                        0x37,
                        Privilege.CALLBACK,
                        0,
                        0,
                        rq -> IpmiResponse.ok(BmcIdentity.ipmiGuidBytes(identity.systemGuid()))));
    }

    /** §20.1, 15 bytes. */
    private IpmiResponse deviceId(IpmiRequest rq) {
        BmcIdentity id = identity;
        int minor = id.firmwareMinor();
        int aux = id.auxFirmware();
        return IpmiResponse.ok(
                (byte) id.deviceId(),
                (byte) id.deviceRevision(), // bit 7 = 0: no device SDRs (use the SDR repository)
                (byte) id.firmwareMajor(), // bit 7 = 0: device available
                (byte) ((minor / 10) << 4 | minor % 10), // minor revision, BCD
                (byte) IPMI_VERSION_2_0,
                (byte) DEVICE_SUPPORT,
                (byte) id.manufacturerId(),
                (byte) (id.manufacturerId() >> 8),
                (byte) (id.manufacturerId() >> 16),
                (byte) id.productId(),
                (byte) (id.productId() >> 8),
                (byte) (aux >>> 24),
                (byte) (aux >>> 16),
                (byte) (aux >>> 8),
                (byte) aux);
    }
}
