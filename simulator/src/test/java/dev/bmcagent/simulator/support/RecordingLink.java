package dev.bmcagent.simulator.support;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.simulator.link.HostLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A test double for the BMC: records every request (with virtual time) and signal, answers with a script
 * (default: OK with no data to everything).
 */
public final class RecordingLink implements HostLink {

    /** One recorded request. */
    @SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
    public record Sent(Instant at, int netFn, int cmd, byte[] data) {
        /** "NN/CC xx xx ..." e.g. "06/06 82 82". */
        public String line() {
            String hex = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data);
            return String.format(Locale.ROOT, "%02X/%02X%s%s", netFn, cmd, hex.isEmpty() ? "" : " ", hex);
        }
    }

    private final Scheduler scheduler;
    private final Function<Sent, IpmiResponse> script;
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> signals = new ArrayList<>();

    public RecordingLink(Scheduler scheduler) {
        this(scheduler, s -> IpmiResponse.ok());
    }

    public RecordingLink(Scheduler scheduler, Function<Sent, IpmiResponse> script) {
        this.scheduler = scheduler;
        this.script = script;
    }

    @Override
    public IpmiResponse send(int netFn, int cmd, byte[] data) {
        Sent s = new Sent(scheduler.clock().instant(), netFn, cmd, data.clone());
        sent.add(s);
        return script.apply(s);
    }

    @Override
    public void powerGood(boolean on) {
        signals.add("power-good " + (on ? "on" : "off"));
    }

    @Override
    public void platformReset() {
        signals.add("reset");
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        sent.forEach(s -> out.add(s.line()));
        return out;
    }

    public List<String> signals() {
        return List.copyOf(signals);
    }

    public void clear() {
        sent.clear();
        signals.clear();
    }
}
