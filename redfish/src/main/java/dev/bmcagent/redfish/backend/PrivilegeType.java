package dev.bmcagent.redfish.backend;

/** Redfish {@code Privileges.PrivilegeType}. */
public enum PrivilegeType {
    Login,
    ConfigureManager,
    ConfigureUsers,
    ConfigureComponents,
    ConfigureSelf
}
