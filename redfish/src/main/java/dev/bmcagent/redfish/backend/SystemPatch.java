package dev.bmcagent.redfish.backend;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The writable part of a ComputerSystem, already validated by the service; empty fields are left unchanged.
 * The backend applies all present fields or none. {@code bootOrder} holds BootOptionReferences (exact options),
 * {@code bootOrderPatterns} regular expressions (Oem.BmcAgent.BootOrderPatterns); never both.
 */
public record SystemPatch(
        Optional<IndicatorLed> indicatorLed,
        Optional<String> assetTag,
        Optional<BootSource> overrideTarget,
        Optional<BootOverrideEnabled> overrideEnabled,
        Optional<BootOverrideMode> overrideMode,
        Optional<String> uefiTarget,
        Optional<String> httpBootUri,
        Optional<List<String>> bootOrder,
        Optional<List<String>> bootOrderPatterns) {
    public SystemPatch {
        Objects.requireNonNull(indicatorLed, "indicatorLed");
        Objects.requireNonNull(assetTag, "assetTag");
        Objects.requireNonNull(overrideTarget, "overrideTarget");
        Objects.requireNonNull(overrideEnabled, "overrideEnabled");
        Objects.requireNonNull(overrideMode, "overrideMode");
        Objects.requireNonNull(uefiTarget, "uefiTarget");
        Objects.requireNonNull(httpBootUri, "httpBootUri");
        bootOrder = bootOrder.map(List::copyOf);
        bootOrderPatterns = bootOrderPatterns.map(List::copyOf);
    }

    /** Without declared patterns (Oem.BmcAgent.BootOrderPatterns). */
    public SystemPatch(
            Optional<IndicatorLed> indicatorLed,
            Optional<String> assetTag,
            Optional<BootSource> overrideTarget,
            Optional<BootOverrideEnabled> overrideEnabled,
            Optional<BootOverrideMode> overrideMode,
            Optional<String> uefiTarget,
            Optional<String> httpBootUri,
            Optional<List<String>> bootOrder) {
        this(
                indicatorLed,
                assetTag,
                overrideTarget,
                overrideEnabled,
                overrideMode,
                uefiTarget,
                httpBootUri,
                bootOrder,
                Optional.empty());
    }

    /** A patch of the identify LED only (Chassis IndicatorLED/LocationIndicatorActive, IPMI Chassis Identify). */
    public static SystemPatch indicatorLed(IndicatorLed led) {
        return new SystemPatch(
                Optional.of(led),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public boolean isEmpty() {
        return indicatorLed.isEmpty()
                && assetTag.isEmpty()
                && overrideTarget.isEmpty()
                && overrideEnabled.isEmpty()
                && overrideMode.isEmpty()
                && uefiTarget.isEmpty()
                && httpBootUri.isEmpty()
                && bootOrder.isEmpty()
                && bootOrderPatterns.isEmpty();
    }
}
