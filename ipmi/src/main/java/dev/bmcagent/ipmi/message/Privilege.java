package dev.bmcagent.ipmi.message;

import java.util.Optional;

/** Channel privilege levels (IPMI 2.0 §6.8), ordered from lowest to highest. */
public enum Privilege {
    CALLBACK(1),
    USER(2),
    OPERATOR(3),
    ADMINISTRATOR(4),
    OEM(5);

    private final int code;

    Privilege(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean atLeast(Privilege required) {
        return compareTo(required) >= 0;
    }

    public static Optional<Privilege> fromCode(int code) {
        for (Privilege p : values()) {
            if (p.code == code) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
