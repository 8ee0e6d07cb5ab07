package dev.bmcagent.redfish.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * The one-time or continuous boot source override (ComputerSystem {@code Boot}).
 *
 * @param target      BootSourceOverrideTarget
 * @param enabled     BootSourceOverrideEnabled
 * @param mode        BootSourceOverrideMode
 * @param uefiTarget  UefiTargetBootSourceOverride (a UEFI device path), used with target UefiTarget
 * @param httpBootUri HttpBootUri, used with target UefiHttp
 */
public record BootOverride(
        BootSource target,
        BootOverrideEnabled enabled,
        BootOverrideMode mode,
        Optional<String> uefiTarget,
        Optional<String> httpBootUri) {
    public BootOverride {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(uefiTarget, "uefiTarget");
        Objects.requireNonNull(httpBootUri, "httpBootUri");
    }

    public static BootOverride disabled() {
        return new BootOverride(
                BootSource.None,
                BootOverrideEnabled.Disabled,
                BootOverrideMode.UEFI,
                Optional.empty(),
                Optional.empty());
    }
}
