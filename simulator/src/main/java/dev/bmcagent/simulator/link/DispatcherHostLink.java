package dev.bmcagent.simulator.link;

import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.util.Objects;

/**
 * In-process link for fleet mode: every request goes through the agent's {@link Dispatcher} exactly as a request
 * arriving on host {@code hostIndex}'s system interface would. Hardware signals go to a {@link Signals} listener
 * (the agent's host-interface port, once wired).
 */
public final class DispatcherHostLink implements HostLink {

    /** Receiver of the hardware signals the BMC observes. */
    public interface Signals {
        void powerGood(int hostIndex, boolean on);

        void platformReset(int hostIndex);

        /** Ignores both signals. */
        Signals NONE = new Signals() {
            @Override
            public void powerGood(int hostIndex, boolean on) {}

            @Override
            public void platformReset(int hostIndex) {}
        };
    }

    private final Dispatcher dispatcher;
    private final RequestContext context;
    private final int hostIndex;
    private final Signals signals;

    public DispatcherHostLink(Dispatcher dispatcher, int hostIndex, Signals signals) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.context = RequestContext.systemInterface(hostIndex);
        this.hostIndex = hostIndex;
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    @Override
    public IpmiResponse send(int netFn, int cmd, byte[] data) {
        return dispatcher.dispatch(new IpmiRequest(context, netFn, 0, cmd, data));
    }

    @Override
    public void powerGood(boolean on) {
        signals.powerGood(hostIndex, on);
    }

    @Override
    public void platformReset() {
        signals.platformReset(hostIndex);
    }
}
