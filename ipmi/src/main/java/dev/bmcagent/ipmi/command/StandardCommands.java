package dev.bmcagent.ipmi.command;

import dev.bmcagent.ipmi.command.app.AcpiCommands;
import dev.bmcagent.ipmi.command.app.AcpiStatePort;
import dev.bmcagent.ipmi.command.app.AppCommands;
import dev.bmcagent.ipmi.command.app.BmcIdentity;
import dev.bmcagent.ipmi.command.app.ChannelCommands;
import dev.bmcagent.ipmi.command.app.SessionSetupCommands;
import dev.bmcagent.ipmi.command.app.UserCommands;
import dev.bmcagent.ipmi.command.app.UserInfo;
import dev.bmcagent.ipmi.command.chassis.BootOptionsCommands;
import dev.bmcagent.ipmi.command.chassis.BootOptionsStore;
import dev.bmcagent.ipmi.command.chassis.ChassisCommands;
import dev.bmcagent.ipmi.command.chassis.HostControl;
import dev.bmcagent.ipmi.command.sensor.EventCommands;
import dev.bmcagent.ipmi.command.sensor.PlatformEventSink;
import dev.bmcagent.ipmi.command.sensor.SensorCommands;
import dev.bmcagent.ipmi.command.sensor.SensorReadings;
import dev.bmcagent.ipmi.command.storage.FruCommands;
import dev.bmcagent.ipmi.command.storage.SdrCommands;
import dev.bmcagent.ipmi.command.storage.SelCommands;
import dev.bmcagent.ipmi.fru.FruImage;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.CommandSpec;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.ipmi.sel.SelStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Assembles the standard command families (App, Chassis, Sensor/Event, Storage) over the agent's ports, with the
 * commands a LAN console sends before its session exists ({@link SessionSetupCommands}: 38h, 39h, 3Ah, 54h; the LAN
 * layer runs them through {@code Dispatcher.dispatchOutsideSession}). Only Set Session Privilege Level (3Bh) and
 * Close Session (3Ch), which act on the session itself, are answered by the session layer ({@code ipmi.session}).
 */
public final class StandardCommands {
    /**
     * Every port the standard commands use; per-host ports are looked up by request host index.
     * {@code lanNullUserNames}: whether the LAN endpoints accept null user names ({@code IpmiLanOptions.allowInsecure},
     * reported by Get Channel Authentication Capabilities).
     */
    public record Ports(
            BmcIdentity identity,
            UserInfo users,
            IntSupplier activeLanSessions,
            HostScoped<AcpiStatePort> acpi,
            HostScoped<HostControl> hosts,
            HostScoped<BootOptionsStore> bootOptions,
            HostScoped<SensorReadings> sensors,
            HostScoped<PlatformEventSink> events,
            HostScoped<SelStore> sel,
            HostScoped<SelClock> selClock,
            HostScoped<SdrRepository> sdr,
            HostScoped<FruImage> fru,
            boolean lanNullUserNames) {
        public Ports {
            for (Object o : new Object[] {
                identity, users, activeLanSessions, acpi, hosts, bootOptions, sensors, events, sel, selClock, sdr, fru
            }) {
                Objects.requireNonNull(o, "port");
            }
        }
    }

    private StandardCommands() {}

    public static List<CommandSpec> specs(Ports p) {
        List<CommandSpec> all = new ArrayList<>();
        all.addAll(new AppCommands(p.identity()).specs());
        all.addAll(new AcpiCommands(p.acpi()).specs());
        all.addAll(new ChannelCommands(p.activeLanSessions()).specs());
        all.addAll(new SessionSetupCommands(p.lanNullUserNames()).specs());
        all.addAll(new UserCommands(p.users()).specs());
        all.addAll(new ChassisCommands(p.hosts()).specs());
        all.addAll(new BootOptionsCommands(p.bootOptions()).specs());
        all.addAll(new SensorCommands(p.sdr(), p.sensors()).specs());
        all.addAll(new EventCommands(p.sel(), p.events()).specs());
        all.addAll(new SelCommands(p.sel(), p.selClock()).specs());
        all.addAll(new SdrCommands(p.sdr()).specs());
        all.addAll(new FruCommands(p.fru()).specs());
        return List.copyOf(all);
    }

    /** Adds the standard rows to a builder (duplicates fail at start). */
    public static CommandRegistry.Builder register(CommandRegistry.Builder builder, Ports p) {
        return builder.addAll(specs(p));
    }
}
