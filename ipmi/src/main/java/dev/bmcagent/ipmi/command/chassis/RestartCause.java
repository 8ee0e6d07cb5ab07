package dev.bmcagent.ipmi.command.chassis;

/**
 * System restart causes (IPMI 2.0 §28.11, Get System Restart Cause byte 1 bits 3:0; the same codes go into
 * event data 2 of the 1Dh "System Restart" SEL event).
 */
public enum RestartCause {
    UNKNOWN(0x0),
    CHASSIS_CONTROL(0x1),
    RESET_BUTTON(0x2),
    POWER_BUTTON(0x3),
    WATCHDOG(0x4),
    OEM(0x5),
    AUTO_POWER_UP_ALWAYS_ON(0x6),
    AUTO_POWER_UP_PREVIOUS(0x7),
    PEF_RESET(0x8),
    PEF_POWER_CYCLE(0x9),
    SOFT_RESET(0xA),
    RTC_WAKEUP(0xB);

    private final int code;

    RestartCause(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
