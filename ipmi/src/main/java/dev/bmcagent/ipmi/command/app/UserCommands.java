package dev.bmcagent.ipmi.command.app;

import static dev.bmcagent.ipmi.command.Bytes.error;

import dev.bmcagent.ipmi.message.Channel;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import dev.bmcagent.ipmi.registry.CommandSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Get User Access (App 44h, IPMI 2.0 §22.27) and Get User Name (46h, §22.29), Operator per Appendix G. */
public final class UserCommands {
    private static final int NO_ACCESS = 0x0F;

    private final UserInfo users;

    public UserCommands(UserInfo users) {
        this.users = users;
    }

    public List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("Get User Access", NetFn.APP, 0x44, Privilege.OPERATOR, 2, 2, this::access),
                CommandSpec.of("Get User Name", NetFn.APP, 0x46, Privilege.OPERATOR, 1, 1, this::name));
    }

    private int userId(int raw) {
        int id = raw & 0x3F;
        if (id < 1 || id > users.maxUsers()) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "no user ID " + id);
        }
        return id;
    }

    private IpmiResponse access(IpmiRequest rq) {
        int ch = ChannelCommands.channel(rq, rq.u8(0) & 0x0F);
        if (ch != Channel.LAN.number()) {
            throw error(CompletionCode.INVALID_DATA_FIELD, "users are per LAN channel");
        }
        int id = userId(rq.u8(1));
        int enabled = 0;
        int fixed = 0;
        for (int i = 1; i <= users.maxUsers(); i++) {
            Optional<UserEntry> u = users.find(i);
            enabled += u.filter(UserEntry::enabled).isPresent() ? 1 : 0;
            fixed += u.filter(UserEntry::fixedName).isPresent() ? 1 : 0;
        }
        Optional<UserEntry> user = users.find(id);
        int status = user.map(u -> u.enabled() ? 0x40 : 0x80).orElse(0x80); // 01b enabled, 10b disabled
        int accessByte = user.filter(UserEntry::enabled)
                .map(u -> 0x10 | 0x20 | u.privilege().code()) // IPMI messaging, link auth, limit
                .orElse(NO_ACCESS);
        return IpmiResponse.ok((byte) users.maxUsers(), (byte) (status | enabled), (byte) fixed, (byte) accessByte);
    }

    private IpmiResponse name(IpmiRequest rq) {
        int id = userId(rq.u8(0));
        byte[] out = new byte[16];
        users.find(id).ifPresent(u -> {
            byte[] ascii = u.name().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(ascii, 0, out, 0, ascii.length);
        });
        return IpmiResponse.ok(out);
    }
}
