package dev.bmcagent.redfish.backend;

import java.util.EnumSet;
import java.util.Set;

/** The three standard Redfish roles with the standard privilege map (DSP0266 "Roles"). */
public enum RedfishRole {
    Administrator(EnumSet.allOf(PrivilegeType.class)),
    Operator(EnumSet.of(PrivilegeType.Login, PrivilegeType.ConfigureComponents, PrivilegeType.ConfigureSelf)),
    ReadOnly(EnumSet.of(PrivilegeType.Login, PrivilegeType.ConfigureSelf));

    @SuppressWarnings("ImmutableEnumChecker") // Set.copyOf below: unmodifiable, which the checker cannot see
    private final Set<PrivilegeType> privileges;

    RedfishRole(Set<PrivilegeType> privileges) {
        this.privileges = Set.copyOf(privileges);
    }

    public Set<PrivilegeType> privileges() {
        return privileges;
    }

    public boolean has(PrivilegeType p) {
        return privileges.contains(p);
    }
}
