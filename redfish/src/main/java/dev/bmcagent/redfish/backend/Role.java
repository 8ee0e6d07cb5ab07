package dev.bmcagent.redfish.backend;

import java.util.EnumSet;
import java.util.Set;

/** The three standard Redfish roles with the standard privilege map (DSP0266 "Roles"). */
public enum Role {
    Administrator(EnumSet.allOf(Privilege.class)),
    Operator(EnumSet.of(Privilege.Login, Privilege.ConfigureComponents, Privilege.ConfigureSelf)),
    ReadOnly(EnumSet.of(Privilege.Login, Privilege.ConfigureSelf));

    @SuppressWarnings("ImmutableEnumChecker") // Set.copyOf below: unmodifiable, which the checker cannot see
    private final Set<Privilege> privileges;

    Role(Set<Privilege> privileges) {
        this.privileges = Set.copyOf(privileges);
    }

    public Set<Privilege> privileges() {
        return privileges;
    }

    public boolean has(Privilege p) {
        return privileges.contains(p);
    }
}
