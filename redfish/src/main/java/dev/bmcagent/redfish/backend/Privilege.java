package dev.bmcagent.redfish.backend;

/** Redfish {@code Privileges.PrivilegeType}. */
public enum Privilege { Login, ConfigureManager, ConfigureUsers, ConfigureComponents, ConfigureSelf }
