package dev.bmcagent.acpi.progress;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Translates a progress code in any vocabulary to the one timeline (pure, table-driven from {@link BootPhase} and
 * {@link FirmwareProgressCode}). Nothing maps to a silent None: an unmapped code is OEM with an OemLastState
 * naming it ("EFI 0x03041000", "IPMI FW progress 0x1A", "POST 0x42").
 *
 * <p>EFI: the table's 32-bit values are the status code <em>value</em> (class | subclass | operation) of a code
 * whose type (bits 7:0 of codeType) is EFI_PROGRESS_CODE; the instance is ignored. An EFI error or debug code
 * translates to OEM "EFI error 0x..." / "EFI debug 0x..." with kind ERROR / DEBUG, which the lifecycle treats as
 * a firmware error (error) or ignores (debug) instead of moving the timeline.
 */
public final class ProgressTranslator {

    private static final Map<Integer, BootPhase> EFI = new HashMap<>();
    private static final Map<Integer, BootPhase> POST = new HashMap<>();

    static {
        for (BootPhase p : BootPhase.values()) {
            put(EFI, p.efiValue(), p);
            put(POST, p.postCode(), p);
        }
        for (int v = BootPhase.MEMORY_INIT.efiValue() + 1; v <= BootPhase.EFI_MEMORY_INIT_LAST; v++) {
            put(EFI, v, BootPhase.MEMORY_INIT);
        }
        for (int v = BootPhase.MEMORY_INIT.postCode() + 1; v <= BootPhase.POST_MEMORY_INIT_LAST; v++) {
            put(POST, v, BootPhase.MEMORY_INIT);
        }
    }

    private ProgressTranslator() {}

    private static void put(Map<Integer, BootPhase> table, int code, BootPhase phase) {
        if (table.put(code, phase) != null) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "duplicate code 0x%X in boot phase table", code));
        }
    }

    public static Translation translate(ProgressCode code) {
        if (code instanceof ProgressCode.EfiStatusCode efi) {
            return efi(efi);
        } else if (code instanceof ProgressCode.IpmiFirmwareProgress ipmi) {
            return ipmi(ipmi.eventData2());
        } else if (code instanceof ProgressCode.PostCode post) {
            return post(post.value());
        }
        throw new IllegalArgumentException("unknown progress code " + code);
    }

    static Translation efi(ProgressCode.EfiStatusCode code) {
        String value = String.format(Locale.ROOT, "0x%08X", code.codeValue());
        if (EfiCodeType.isError(code.codeType())) {
            return Translation.oem(Translation.Kind.ERROR, OptionalInt.empty(), "EFI error " + value);
        }
        if (!EfiCodeType.isProgress(code.codeType())) {
            return Translation.oem(Translation.Kind.DEBUG, OptionalInt.empty(), "EFI debug " + value);
        }
        return fromPhase(EFI.get(code.codeValue()), "EFI " + value);
    }

    static Translation ipmi(int eventData2) {
        String detail = String.format(Locale.ROOT, "IPMI FW progress 0x%02X", eventData2);
        BootProgressState state = FirmwareProgressCode.of(eventData2)
                .flatMap(FirmwareProgressCode::redfishState)
                .orElse(BootProgressState.OEM);
        return Translation.of(state, OptionalInt.of(eventData2), detail);
    }

    static Translation post(int value) {
        String detail = String.format(Locale.ROOT, value <= 0xFF ? "POST 0x%02X" : "POST 0x%04X", value);
        return fromPhase(POST.get(value), detail);
    }

    private static Translation fromPhase(BootPhase phase, String detail) {
        if (phase == null) {
            return Translation.of(BootProgressState.OEM, OptionalInt.empty(), detail);
        }
        return Translation.of(phase.redfishState(), phase.ipmiEventData2(), detail);
    }
}
