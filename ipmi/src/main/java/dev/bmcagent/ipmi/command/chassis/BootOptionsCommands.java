package dev.bmcagent.ipmi.command.chassis;

import static dev.bmcagent.ipmi.command.Bytes.error;

import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Set System Boot Options (Chassis 08h, IPMI 2.0 §28.12) and Get System Boot Options (09h, §28.13) for
 * parameters 0-5 (set in progress, service partition selector/scan, valid bit clearing, boot info
 * acknowledge, boot flags) and 7 (boot initiator mailbox, {@link BootMailbox}: set selector = block, 1-16 data bytes
 * per Set, the rest of the block zero; a block past {@link BootMailbox#BLOCKS} → C9h; block 0 must start with the
 * IANA number {@link BootMailbox#IANA}, else CCh). Other parameters answer 80h "parameter not supported". Writes take effect
 * at once; "commit write" is accepted and returns the state to "set complete". Byte 1 bit 7 of a Set
 * (mark invalid/locked) is ignored: parameters are always reported valid/unlocked. A write of parameter 4 consumes a
 * one-time boot per {@link BootOptionsRules}, whichever store holds the options.
 */
public final class BootOptionsCommands {
    static final CompletionCode PARAMETER_NOT_SUPPORTED = CompletionCode.of(0x80);
    static final CompletionCode SET_IN_PROGRESS_ACTIVE = CompletionCode.of(0x81);
    private static final int PARAMETER_VERSION = 0x01;
    private static final int SET_COMPLETE = 0;
    private static final int SET_IN_PROGRESS = 1;
    private static final int COMMIT_WRITE = 2;

    private final HostScoped<BootOptionsStore> stores;

    public BootOptionsCommands(HostScoped<BootOptionsStore> stores) {
        this.stores = stores;
    }

    public List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("Set System Boot Options", NetFn.CHASSIS, 0x08, Privilege.OPERATOR, 1, 18, this::set),
                CommandSpec.of("Get System Boot Options", NetFn.CHASSIS, 0x09, Privilege.OPERATOR, 3, 3, this::get));
    }

    private static void length(IpmiRequest rq, int expected) {
        if (rq.length() != expected) {
            throw error(CompletionCode.INVALID_LENGTH, "boot parameter needs " + (expected - 1) + " bytes");
        }
    }

    private IpmiResponse set(IpmiRequest rq) {
        BootOptionsStore store = stores.forHost(rq.context().hostIndex());
        int selector = rq.u8(0) & 0x7F;
        switch (selector) {
            case 0 -> {
                length(rq, 2);
                int state = rq.u8(1) & 0x03;
                if (state == SET_IN_PROGRESS && store.setInProgress() == SET_IN_PROGRESS) {
                    throw error(SET_IN_PROGRESS_ACTIVE, "set already in progress");
                }
                if (state == 3) {
                    throw error(CompletionCode.INVALID_DATA_FIELD, "reserved set-in-progress value");
                }
                store.setInProgress(state == COMMIT_WRITE ? SET_COMPLETE : state);
            }
            case 1, 2, 3 -> {
                length(rq, 2);
                store.simpleParameter(selector, rq.u8(1));
            }
            case 4 -> {
                length(rq, 3);
                int mask = rq.u8(1);
                BootOptionsRules.acknowledge(store, (store.bootInfoAcknowledge() & ~mask) | (rq.u8(2) & mask));
            }
            case 5 -> {
                length(rq, 6);
                store.bootFlags(new BootFlags(Arrays.copyOfRange(rq.data(), 1, 6)));
            }
            case 7 -> setMailbox(store, rq);
            default -> throw error(PARAMETER_NOT_SUPPORTED, "boot parameter " + selector);
        }
        return IpmiResponse.ok();
    }

    private IpmiResponse get(IpmiRequest rq) {
        BootOptionsStore store = stores.forHost(rq.context().hostIndex());
        int selector = rq.u8(0) & 0x7F;
        byte[] data = switch (selector) {
            case 0 -> new byte[] {(byte) store.setInProgress()};
            case 1, 2, 3 -> new byte[] {(byte) store.simpleParameter(selector)};
            case 4 -> new byte[] {0x00, (byte) store.bootInfoAcknowledge()}; // write mask reads 00h
            case 5 -> store.bootFlags().bytes();
            case 7 -> mailboxBlock(store, rq.u8(1));
            default -> throw error(PARAMETER_NOT_SUPPORTED, "boot parameter " + selector);
        };
        byte[] out = new byte[2 + data.length];
        out[0] = PARAMETER_VERSION;
        out[1] = (byte) selector; // bit 7 = 0: valid/unlocked
        System.arraycopy(data, 0, out, 2, data.length);
        return IpmiResponse.ok(out);
    }

    /** Parameter 7 Set: block selector, then 1-16 bytes of the block (the rest of it becomes zero). */
    private static void setMailbox(BootOptionsStore store, IpmiRequest rq) {
        if (rq.length() < 3) {
            throw error(CompletionCode.INVALID_LENGTH, "mailbox block needs a selector and data");
        }
        int block = rq.u8(1);
        if (block >= BootMailbox.BLOCKS) {
            throw error(CompletionCode.PARAMETER_OUT_OF_RANGE, "mailbox has " + BootMailbox.BLOCKS + " blocks");
        }
        byte[] data = Arrays.copyOfRange(rq.data(), 2, rq.length());
        if (block == 0 && (data.length < BootMailbox.IANA_BYTES || BootMailbox.iana(data) != BootMailbox.IANA)) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "mailbox block 0 must start with IANA " + BootMailbox.IANA);
        }
        synchronized (store) {
            byte[] all = store.mailbox();
            Arrays.fill(all, block * BootMailbox.BLOCK, (block + 1) * BootMailbox.BLOCK, (byte) 0);
            System.arraycopy(data, 0, all, block * BootMailbox.BLOCK, data.length);
            store.mailbox(all);
        }
    }

    /** Parameter 7 Get: the block selector, then the block's 16 bytes. */
    private static byte[] mailboxBlock(BootOptionsStore store, int block) {
        if (block >= BootMailbox.BLOCKS) {
            throw error(CompletionCode.PARAMETER_OUT_OF_RANGE, "mailbox has " + BootMailbox.BLOCKS + " blocks");
        }
        byte[] out = new byte[1 + BootMailbox.BLOCK];
        out[0] = (byte) block;
        System.arraycopy(store.mailbox(), block * BootMailbox.BLOCK, out, 1, BootMailbox.BLOCK);
        return out;
    }
}
