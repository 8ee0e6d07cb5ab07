package dev.bmcagent.journal;

/**
 * An account's role. Maps to IPMI privilege levels (Administrator 4, Operator 3, User 2) and to the
 * Redfish predefined roles of the same names.
 */
public enum Role {
    ADMINISTRATOR("Administrator"),
    OPERATOR("Operator"),
    READ_ONLY("ReadOnly");

    private final String redfishName;

    Role(String redfishName) {
        this.redfishName = redfishName;
    }

    /** The Redfish RoleId ("Administrator", "Operator", "ReadOnly"). */
    public String redfishName() {
        return redfishName;
    }
}
