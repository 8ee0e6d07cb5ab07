package dev.bmcagent.acpi.progress;

/**
 * EFI_STATUS_CODE_TYPE (UEFI PI spec vol. 3, "Status Codes"): bits 7:0 say progress, error or debug; bits 31:24
 * carry an error's severity. Only progress codes move the boot timeline.
 */
public final class EfiCodeType {
    /** EFI_STATUS_CODE_TYPE_MASK. */
    public static final int TYPE_MASK = 0x000000FF;
    /** EFI_PROGRESS_CODE. */
    public static final int PROGRESS = 0x00000001;
    /** EFI_ERROR_CODE. */
    public static final int ERROR = 0x00000002;
    /** EFI_DEBUG_CODE. */
    public static final int DEBUG = 0x00000003;
    /** EFI_STATUS_CODE_SEVERITY_MASK. */
    public static final int SEVERITY_MASK = 0xFF000000;
    /** EFI_ERROR_MAJOR. */
    public static final int ERROR_MAJOR = 0x80000000;

    private EfiCodeType() {}

    public static boolean isProgress(int codeType) {
        return (codeType & TYPE_MASK) == PROGRESS;
    }

    public static boolean isError(int codeType) {
        return (codeType & TYPE_MASK) == ERROR;
    }
}
