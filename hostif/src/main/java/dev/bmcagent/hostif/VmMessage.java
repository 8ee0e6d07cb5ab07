package dev.bmcagent.hostif;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An IPMI message on the VM wire: {@code [msgId] [netFn<<2 | lun] [cmd] [payload...] [checksum] A0}.
 * For a request the payload is the request data; for a response it is the completion code followed
 * by the response data. The checksum is not part of the record (the codec computes and checks it).
 *
 * @param msgId   sequence / message id, echoed unchanged in the response
 * @param netFn   network function (even: request, odd: response)
 * @param lun     LUN (0-3) from the low two bits of the netFn byte
 * @param cmd     command code
 * @param payload request data, or completion code + response data (defensively copied)
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record VmMessage(int msgId, int netFn, int lun, int cmd, byte[] payload) implements VmFrame {
    public VmMessage {
        checkByte("msgId", msgId);
        checkByte("cmd", cmd);
        if (netFn < 0 || netFn > 0x3F) {
            throw new IllegalArgumentException("netFn out of range: " + netFn);
        }
        if (lun < 0 || lun > 3) {
            throw new IllegalArgumentException("lun out of range: " + lun);
        }
        payload = payload == null ? new byte[0] : payload.clone();
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }

    /** The response to {@code request}: same msg id, netFn | 1, same LUN and cmd, then cc and data. */
    public static VmMessage response(VmMessage request, IpmiResponse response) {
        byte[] data = response.data();
        byte[] body = new byte[data.length + 1];
        body[0] = (byte) response.completionCode().value();
        System.arraycopy(data, 0, body, 1, data.length);
        return new VmMessage(request.msgId, request.netFn | 1, request.lun, request.cmd, body);
    }

    /** The error response to {@code request} carrying only {@code code}. */
    public static VmMessage errorResponse(VmMessage request, CompletionCode code) {
        return response(request, IpmiResponse.error(code));
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public boolean isResponse() {
        return (netFn & 1) == 1;
    }

    /** The netFn/LUN byte as on the wire. */
    public int netFnLun() {
        return netFn << 2 | lun;
    }

    /** Completion code of a response (C6h "truncated" if the response carried none). */
    public CompletionCode completionCode() {
        return payload.length == 0 ? CompletionCode.REQUEST_TRUNCATED : CompletionCode.of(payload[0]);
    }

    /** Response data after the completion code. */
    public byte[] responseData() {
        return payload.length == 0 ? new byte[0] : Arrays.copyOfRange(payload, 1, payload.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VmMessage m
                && m.msgId == msgId
                && m.netFn == netFn
                && m.lun == lun
                && m.cmd == cmd
                && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(msgId, netFn, lun, cmd, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "VmMessage[id=%02Xh netFn=%02Xh lun=%d cmd=%02Xh len=%d]",
                msgId,
                netFn,
                lun,
                cmd,
                payload.length);
    }
}
