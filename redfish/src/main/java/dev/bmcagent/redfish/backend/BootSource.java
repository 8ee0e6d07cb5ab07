package dev.bmcagent.redfish.backend;

/** Redfish {@code ComputerSystem.BootSource} (BootSourceOverrideTarget) values this service offers. */
public enum BootSource {
    None,
    Pxe,
    Hdd,
    Cd,
    Usb,
    BiosSetup,
    UefiShell,
    UefiTarget,
    UefiHttp,
    UefiBootNext
}
