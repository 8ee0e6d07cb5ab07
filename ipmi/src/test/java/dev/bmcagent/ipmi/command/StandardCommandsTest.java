package dev.bmcagent.ipmi.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.CommandSpec;
import org.junit.jupiter.api.Test;

/** The command table: privileges per IPMI 2.0 Appendix G. */
class StandardCommandsTest {
    private final CommandRegistry registry = new TestBmc().dispatcher.registry();

    private CommandSpec spec(int netFn, int cmd) {
        return registry.find(netFn, cmd).orElseThrow();
    }

    @Test
    void privileges() {
        assertEquals(Privilege.USER, spec(NetFn.APP, 0x01).privilege()); // Get Device ID
        assertEquals(Privilege.CALLBACK, spec(NetFn.APP, 0x37).privilege()); // Get System GUID
        assertEquals(Privilege.USER, spec(NetFn.APP, 0x07).privilege()); // Get ACPI Power State
        assertEquals(
                CommandSpec.Access.SYSTEM_INTERFACE_ONLY, spec(NetFn.APP, 0x06).access());
        assertEquals(Privilege.OPERATOR, spec(NetFn.APP, 0x44).privilege()); // Get User Access
        assertEquals(Privilege.OPERATOR, spec(NetFn.CHASSIS, 0x02).privilege()); // Chassis Control
        assertEquals(Privilege.OPERATOR, spec(NetFn.CHASSIS, 0x08).privilege()); // Set System Boot Options
        assertEquals(Privilege.OPERATOR, spec(NetFn.CHASSIS, 0x09).privilege()); // Get System Boot Options
        assertEquals(
                Privilege.OPERATOR,
                registry.find(NetFn.SENSOR_EVENT, 0x02, Channel.LAN)
                        .orElseThrow()
                        .privilege()); // Platform Event
        assertEquals(Privilege.USER, spec(NetFn.SENSOR_EVENT, 0x2D).privilege()); // Get Sensor Reading
        assertEquals(Privilege.USER, spec(NetFn.STORAGE, 0x43).privilege()); // Get SEL Entry
        assertEquals(Privilege.OPERATOR, spec(NetFn.STORAGE, 0x47).privilege()); // Clear SEL
        assertEquals(Privilege.OPERATOR, spec(NetFn.STORAGE, 0x49).privilege()); // Set SEL Time
    }

    @Test
    void lifecycleInputsAreHostOnly() {
        // Set ACPI Power State, the host's Platform Event Message: no row a LAN session can reach drives the host
        assertEquals(
                CommandSpec.Access.SYSTEM_INTERFACE_ONLY,
                registry.find(NetFn.SENSOR_EVENT, 0x02, Channel.SYSTEM_INTERFACE)
                        .orElseThrow()
                        .access());
        assertEquals(
                CommandSpec.Access.SESSION_ONLY,
                registry.find(NetFn.SENSOR_EVENT, 0x02, Channel.LAN)
                        .orElseThrow()
                        .access());
        assertEquals(true, registry.find(NetFn.APP, 0x06, Channel.LAN).isEmpty());
    }

    @Test
    void preSessionRowsAndNoSessionLayerCommands() {
        // what a console asks before its session exists: rows of this table, LAN only, at Callback privilege
        for (int cmd : new int[] {0x38, 0x39, 0x3A, 0x54}) {
            CommandSpec row = spec(NetFn.APP, cmd);
            assertEquals(CommandSpec.Access.PRE_SESSION, row.access(), row.name());
            assertEquals(Privilege.CALLBACK, row.privilege(), row.name());
        }
        // Set Session Privilege Level and Close Session act on the session: the session layer answers them
        for (int cmd : new int[] {0x3B, 0x3C}) {
            assertEquals(true, registry.find(NetFn.APP, cmd).isEmpty());
        }
        // App 4 + ACPI 2 + channel 2 + session setup 4 + user 2 + chassis 5 + boot options 2 + sensor 5 + event 2
        // (one row per channel class) + SEL 9 + SDR 3 + FRU 2
        assertEquals(42, registry.all().size());
    }
}
