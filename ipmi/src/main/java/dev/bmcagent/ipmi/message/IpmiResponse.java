package dev.bmcagent.ipmi.message;

import java.util.Arrays;
import java.util.Objects;

/** A response: completion code plus data bytes (data is empty for every non-OK code). */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record IpmiResponse(CompletionCode completionCode, byte[] data) {
    private static final byte[] EMPTY = new byte[0];

    public IpmiResponse {
        Objects.requireNonNull(completionCode, "completionCode");
        data = data == null ? EMPTY : data.clone();
    }

    public static IpmiResponse ok(byte... data) {
        return new IpmiResponse(CompletionCode.OK, data);
    }

    public static IpmiResponse error(CompletionCode code) {
        return new IpmiResponse(code, EMPTY);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpmiResponse r && r.completionCode.equals(completionCode) && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(completionCode, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "IpmiResponse[cc=" + completionCode + " len=" + data.length + "]";
    }
}
