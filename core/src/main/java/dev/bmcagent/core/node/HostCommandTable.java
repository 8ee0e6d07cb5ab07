package dev.bmcagent.core.node;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.command.StandardCommands;
import dev.bmcagent.ipmi.command.app.BmcIdentity;
import dev.bmcagent.ipmi.command.app.UserInfo;
import dev.bmcagent.ipmi.command.oem.OemCommands;
import dev.bmcagent.ipmi.command.sbmr.SbmrCommands;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceCommands;
import dev.bmcagent.ipmi.command.sysif.SystemInterfaceState;
import dev.bmcagent.ipmi.command.sysinfo.SystemInfoCommands;
import dev.bmcagent.ipmi.fru.FruImage;
import dev.bmcagent.ipmi.fru.FruInventory;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The one IPMI command table of the BMC over its host nodes: {@link StandardCommands}, Arm SBMR boot progress,
 * the OEM host commands, the system-interface housekeeping rows and Set/Get System Info Parameters (Set from
 * the system interface only). The commands a LAN console sends before its session exists are rows of
 * {@link StandardCommands} too; only Set Session Privilege Level and Close Session, which act on the session, are
 * answered by the session layer itself. A request for a host index that has no node answers CBh "not present".
 */
public final class HostCommandTable {
    /** Default BMC identity: device 20h rev 1, firmware 1.00, IANA 0 (none), product 0001h. */
    public static final BmcIdentity DEFAULT_IDENTITY = new BmcIdentity(
            0x20,
            0x01,
            1,
            0,
            0,
            0x0001,
            0,
            UUID.nameUUIDFromBytes("bmc-agent device".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            UUID.nameUUIDFromBytes("bmc-agent system".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    /** DIMM slots and fans of the standard SDR every agent serves. */
    public static final int STANDARD_DIMMS = 8;

    public static final int STANDARD_FANS = 6;

    private HostCommandTable() {}

    /** The SDR every host uses: CPU, the discrete boot sensors, {@code dimmSlots} DIMMs, {@code fans} fans. */
    public static SdrRepository standardSdr(int dimmSlots, int fans, Instant created) {
        return SdrRepository.build(
                "BMC",
                "Builtin FRU",
                dev.bmcagent.ipmi.sdr.SensorCatalog.standard(dimmSlots, fans),
                created.getEpochSecond());
    }

    /** A generic FRU inventory (the product name is "bmc-agent host"). */
    public static FruImage defaultFru(Instant manufactured) {
        return FruImage.of(defaultInventory(manufactured));
    }

    /**
     * The generic FRU inventory: what IPMI Read FRU Data serves and what Redfish shows as the ComputerSystem and
     * Chassis identity (one source for both protocols).
     */
    public static FruInventory defaultInventory(Instant manufactured) {
        return new FruInventory(
                FruInventory.CHASSIS_RACK_MOUNT,
                "BMCA-CH",
                "CH0001",
                manufactured,
                "bmc-agent",
                "bmc-agent board",
                "BRD0001",
                "BMCA-BRD",
                "bmc-agent",
                "bmc-agent host",
                "BMCA-1",
                "1.0",
                "SN0001",
                "-");
    }

    /**
     * The IPMI command table of the host nodes, as a dispatcher ({@link HostFleet} builds it once).
     *
     * @param nodes             the host nodes (their IPMI role), by index; another index answers CBh
     * @param identity          what Get Device ID / GUID report
     * @param users             the user table
     * @param activeLanSessions active RMCP+ sessions (Get Channel Info / Get Session Info)
     * @param sdr               the SDR (shared by hosts)
     * @param fru               the FRU image (shared by hosts)
     * @param systemInterface   per host index, the system-interface state (global enables, flags)
     * @param lanNullUserNames  whether the LAN endpoints accept null user names (Get Channel Authentication
     *                          Capabilities reports it)
     */
    static Dispatcher dispatcher(
            List<? extends HostIpmiPorts> nodes,
            BmcIdentity identity,
            UserInfo users,
            IntSupplier activeLanSessions,
            SdrRepository sdr,
            FruImage fru,
            IntFunction<SystemInterfaceState> systemInterface,
            boolean lanNullUserNames) {
        List<HostIpmiPorts> all = List.copyOf(nodes);
        IntFunction<HostIpmiPorts> node = i -> {
            if (i < 0 || i >= all.size()) {
                throw new IpmiException(CompletionCode.NOT_PRESENT, "no host " + i);
            }
            return all.get(i);
        };
        StandardCommands.Ports ports = new StandardCommands.Ports(
                identity,
                users,
                activeLanSessions,
                i -> node.apply(i).acpiPort(),
                i -> node.apply(i).hostControl(),
                i -> node.apply(i).bootOptions(),
                i -> node.apply(i).sensorReadings(),
                i -> node.apply(i).platformEvents(),
                i -> node.apply(i).sel(),
                i -> node.apply(i).selClock(),
                HostScoped.single(sdr),
                HostScoped.single(fru),
                lanNullUserNames);
        return new Dispatcher(StandardCommands.register(CommandRegistry.builder(), ports)
                .addAll(new SbmrCommands(i -> node.apply(i).bootProgress()).specs())
                .addAll(new OemCommands(i -> node.apply(i).oemPort()).specs())
                .addAll(SystemInterfaceCommands.specs(systemInterface))
                .addAll(new SystemInfoCommands(i -> node.apply(i).firmware()).specs())
                .build());
    }
}
