package dev.bmcagent.acpi.progress;

/**
 * A boot progress report in one of the three vocabularies a host speaks (docs/PROTOCOL-REFERENCE.md "Boot progress:
 * one timeline, four vocabularies"). Translation to {@link BootProgressState} is pure and table-driven.
 */
public sealed interface ProgressCode {

    /** Arm SBMR / UEFI PI EFI status code (NetFn 2Ch, group AEh, cmd 02h): type, value, instance. */
    record EfiStatusCode(int codeType, int codeValue, int instance) implements ProgressCode {}

    /** IPMI System Firmware Progress (sensor type 0Fh, offset 02h): event data 2 code. */
    record IpmiFirmwareProgress(int eventData2) implements ProgressCode {
        public IpmiFirmwareProgress {
            if (eventData2 < 0 || eventData2 > 0xFF) {
                throw new IllegalArgumentException("event data 2 out of range: " + eventData2);
            }
        }
    }

    /** A raw port-80 POST code (typically one byte; some platforms use two). */
    record PostCode(int value) implements ProgressCode {
        public PostCode {
            if (value < 0 || value > 0xFFFF) {
                throw new IllegalArgumentException("POST code out of range: " + value);
            }
        }
    }
}
