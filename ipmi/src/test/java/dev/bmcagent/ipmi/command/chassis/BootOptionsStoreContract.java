package dev.bmcagent.ipmi.command.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one contract every {@link BootOptionsStore} passes (issue 12: the in-memory store of fleet mode and the durable
 * one had drifted on the one-time boot rule). It drives Set/Get System Boot Options (Chassis 08h/09h) over the store
 * under test, as ipmitool and a host's BIOS do, so the rule ({@link BootOptionsRules}) is checked with each store.
 * Subclass it per implementation: {@code InMemoryBootOptionsStoreTest} here, the agent's
 * {@code SettingsBootOptionsStoreTest}.
 */
public abstract class BootOptionsStoreContract {
    private BootOptionsStore store;
    private CommandSpec set;
    private CommandSpec get;

    /** A new, empty store. */
    protected abstract BootOptionsStore newStore();

    /** The same host's store as it reads after a BMC restart; empty for a store that keeps nothing. */
    protected abstract Optional<BootOptionsStore> reopen(BootOptionsStore store);

    @BeforeEach
    void openStore() {
        use(newStore());
    }

    private void use(BootOptionsStore s) {
        store = s;
        var specs = new BootOptionsCommands(HostScoped.single(s)).specs();
        set = specs.stream().filter(c -> c.cmd() == 0x08).findFirst().orElseThrow();
        get = specs.stream().filter(c -> c.cmd() == 0x09).findFirst().orElseThrow();
    }

    private static IpmiResponse call(CommandSpec spec, String hex) {
        byte[] data = hex.isEmpty() ? new byte[0] : HexFormat.ofDelimiter(" ").parseHex(hex);
        return spec.handler()
                .handle(new IpmiRequest(RequestContext.systemInterface(0), NetFn.CHASSIS, 0, spec.cmd(), data));
    }

    private void write(String hex) {
        assertEquals(CompletionCode.OK, call(set, hex).completionCode(), hex);
    }

    private String read(int parameter) {
        IpmiResponse r = call(get, String.format(Locale.ROOT, "%02X 00 00", parameter));
        assertEquals(CompletionCode.OK, r.completionCode());
        return TestBmc.hex(r.data());
    }

    /** {@code ipmitool chassis bootdev pxe options=efiboot}: param 0, 4, 5 as observed (docs/PROTOCOL-REFERENCE.md). */
    private void bootdevPxeOnce() {
        write("00 01");
        write("04 01 01");
        write("05 A0 04 00 00 00");
        write("00 00");
    }

    @Test
    void aOneTimeBootIsConsumedWhenBiosAcknowledges() {
        bootdevPxeOnce();
        assertEquals("01 05 A0 04 00 00 00", read(5)); // what chassis bootparam get 5 must read back
        write("04 01 00"); // BIOS/POST acknowledges the boot info
        assertFalse(store.bootFlags().valid());
        assertEquals("01 05 20 04 00 00 00", read(5)); // valid bit cleared, the rest kept
        assertEquals("01 04 00 00", read(4));
    }

    @Test
    void persistentFlagsSurviveTheAcknowledge() {
        write("04 01 01");
        write("05 E0 08 00 00 00"); // valid + persistent + EFI, disk
        write("04 01 00");
        assertEquals("01 05 E0 08 00 00 00", read(5));
    }

    @Test
    void anAcknowledgeThatLeavesBit0SetKeepsTheBoot() {
        bootdevPxeOnce();
        write("04 02 00"); // write mask 02h: bit 0 untouched (still 1)
        assertTrue(store.bootFlags().valid());
        assertEquals("01 04 00 01", read(4));
    }

    @Test
    void flagsWrittenAfterTheAcknowledgeAreValidUntilTheNextOne() {
        write("04 01 00");
        write("05 A0 04 00 00 00");
        assertTrue(store.bootFlags().valid(), "the rule runs on parameter 4 writes, not on parameter 5");
    }

    @Test
    void simpleParametersReadBack() {
        write("01 12");
        write("02 03");
        write("03 1F");
        assertEquals("01 01 12", read(1));
        assertEquals("01 02 03", read(2));
        assertEquals("01 03 1F", read(3));
    }

    @Test
    void whatARestartKeeps() {
        bootdevPxeOnce();
        write("01 12");
        write("00 01"); // a set left in progress
        Optional<BootOptionsStore> after = reopen(store);
        if (after.isEmpty()) {
            return; // nothing is kept: nothing to compare
        }
        use(after.get());
        assertEquals("01 05 A0 04 00 00 00", read(5));
        assertEquals("01 04 00 01", read(4));
        assertEquals("01 01 12", read(1));
        assertEquals("01 00 00", read(0), "set in progress is volatile (§28.12): a restart ends it");
        write("04 01 00");
        assertFalse(store.bootFlags().valid(), "the rule applies to a reopened store too");
    }
}
