package dev.bmcagent.simulator.firmware;

import dev.bmcagent.simulator.ipmi.HostMessages;
import dev.bmcagent.simulator.ipmi.HostRequest;
import java.util.List;
import java.util.Objects;

/** Turns firmware milestones into the requests a host of a given {@link ProgressProfile} sends. Pure. */
public final class ProgressReporter {
    /**
     * POST code sent after each failed network boot attempt. Simulator-defined (no vendor has a standard code
     * for it); documented in docs/SIMULATOR.md.
     */
    public static final int POST_CODE_NETWORK_BOOT_FAILED = 0xE1;

    private final ProgressProfile profile;

    public ProgressReporter(ProgressProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    public ProgressProfile profile() {
        return profile;
    }

    /** Requests announcing that {@code phase} started (none for a phase the vocabulary has no code for). */
    public List<HostRequest> phaseStarted(FirmwarePhase phase) {
        return switch (profile) {
            case SBMR -> List.of(HostMessages.sbmrProgress(HostMessages.EFI_PROGRESS_CODE, phase.efiCodeValue(), 0));
            case IPMI ->
                phase.ipmiProgressCode().isPresent()
                        ? List.of(HostMessages.firmwareProgress(
                                phase.ipmiProgressCode().getAsInt()))
                        : List.of();
            case POSTCODE -> List.of(HostMessages.postCode(phase.postCode()));
            case SILENT -> List.of();
            default -> throw new IllegalStateException("unknown profile " + profile);
        };
    }

    /** Requests reporting a failed network boot attempt on {@code interfaceIndex} with ED3 {@code protocol}. */
    public List<HostRequest> networkBootFailed(int interfaceIndex, int protocol) {
        if (profile == ProgressProfile.SILENT) {
            return List.of();
        }
        return List.of(
                HostMessages.networkBootFailed(interfaceIndex, protocol),
                HostMessages.postCode(POST_CODE_NETWORK_BOOT_FAILED));
    }

    /** Requests reporting that every boot option failed in one round. */
    public List<HostRequest> noBootableMedia() {
        return profile == ProgressProfile.SILENT ? List.of() : List.of(HostMessages.noBootableMedia());
    }

    /** Requests the OS sends once running (after its S0 report). */
    public List<HostRequest> osBooted() {
        return profile == ProgressProfile.SILENT ? List.of() : List.of(HostMessages.osBootCompleted());
    }
}
