package dev.bmcagent.ipmi.command.chassis;

/**
 * One host's system boot options (IPMI 2.0 §28.12/§28.13): written by operators over LAN, read by the host's
 * firmware at POST over its system interface. A store only stores: clearing the valid bit after a one-time boot
 * is {@link BootOptionsRules}, applied by the command handler for every store. Implementations must be thread-safe
 * and pass BootOptionsStoreContract (ipmi's test-jar); the agent provides a durable one,
 * {@link InMemoryBootOptionsStore} is the in-memory one.
 */
public interface BootOptionsStore {
    /** Parameter 0, bits 1:0: 00b set complete, 01b set in progress, 10b commit write. */
    int setInProgress();

    void setInProgress(int state);

    /** Parameters 1 (service partition selector), 2 (service partition scan), 3 (valid bit clearing). */
    int simpleParameter(int selector);

    void simpleParameter(int selector, int value);

    /** Parameter 4 boot initiator acknowledge data (bit 0 BIOS/POST .. bit 4 OEM). */
    int bootInfoAcknowledge();

    void bootInfoAcknowledge(int value);

    /** Parameter 5. */
    BootFlags bootFlags();

    void bootFlags(BootFlags flags);

    /** Parameter 7, the boot initiator mailbox: all {@link BootMailbox#BLOCKS} blocks ({@link BootMailbox#SIZE}). */
    byte[] mailbox();

    /** Replaces the whole mailbox ({@link BootMailbox#SIZE} bytes). */
    void mailbox(byte[] content);
}
