package dev.bmcagent.ipmi.command.chassis;

/** Boot options kept in memory (lost on restart). */
public final class InMemoryBootOptionsStore implements BootOptionsStore {
    private int setInProgress;
    private final int[] simple = new int[4];
    private int acknowledge;
    private BootFlags flags = BootFlags.NONE;
    private byte[] mailbox = new byte[BootMailbox.SIZE];

    @Override
    public synchronized int setInProgress() {
        return setInProgress;
    }

    @Override
    public synchronized void setInProgress(int state) {
        setInProgress = state & 0x03;
    }

    @Override
    public synchronized int simpleParameter(int selector) {
        return simple[check(selector)];
    }

    @Override
    public synchronized void simpleParameter(int selector, int value) {
        simple[check(selector)] = value & 0xFF;
    }

    private static int check(int selector) {
        if (selector < 1 || selector > 3) {
            throw new IllegalArgumentException("not a simple boot parameter: " + selector);
        }
        return selector;
    }

    @Override
    public synchronized int bootInfoAcknowledge() {
        return acknowledge;
    }

    @Override
    public synchronized void bootInfoAcknowledge(int value) {
        acknowledge = value & 0xFF;
    }

    @Override
    public synchronized BootFlags bootFlags() {
        return flags;
    }

    @Override
    public synchronized void bootFlags(BootFlags flags) {
        this.flags = flags;
    }

    @Override
    public synchronized byte[] mailbox() {
        return mailbox.clone();
    }

    @Override
    public synchronized void mailbox(byte[] content) {
        if (content.length != BootMailbox.SIZE) {
            throw new IllegalArgumentException("the mailbox is " + BootMailbox.SIZE + " bytes");
        }
        mailbox = content.clone();
    }
}
