package dev.bmcagent.simulator.live;

import dev.bmcagent.common.time.Scheduler;
import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.hostif.HostInterfaceClient;
import dev.bmcagent.hostif.VmCodes;
import dev.bmcagent.hostif.VmControl;
import dev.bmcagent.hostif.VmMessage;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.simulator.link.HostLink;
import dev.bmcagent.simulator.link.HostPowerControl;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live mode's {@link HostLink}: the simulated host talks to the agent's host interface over loopback TCP with the
 * OpenIPMI VM protocol, like QEMU's {@code ipmi-bmc-extern}, advertising QEMU's capabilities plus the simulator
 * extension 80h — so its link stays up in standby, it reports power with {@code 51 01/00 A1}, and the agent can
 * power it on with {@code 50 A1}. The agent's power operations are handed to the host on the simulation's
 * scheduler ({@code simulation}), never run on the I/O thread.
 */
public final class VmHostLink implements HostLink, AutoCloseable {
    /** QEMU 7.2's capabilities (3Fh) plus the simulator's power-on extension (80h). */
    public static final VmCapabilities CAPABILITIES =
            new VmCapabilities(VmCapabilities.QEMU.bits() | VmCapabilities.POWER_ON_EXTENSION);

    private final HostInterfaceClient client;
    private final AtomicLong failures = new AtomicLong();
    private volatile HostPowerControl power;

    /**
     * @param timers     a real-time scheduler for the client's response timeout
     * @param simulation where the agent's power operations run (the simulation's scheduler)
     */
    public VmHostLink(Scheduler timers, Scheduler simulation) {
        Objects.requireNonNull(simulation, "simulation");
        this.client = new HostInterfaceClient(timers, CAPABILITIES, op -> onControl(op, simulation));
    }

    /** Connects (version + capabilities) and routes the agent's power operations to {@code host}. */
    public void connect(InetSocketAddress agent, HostPowerControl host) {
        this.power = Objects.requireNonNull(host, "host");
        client.connect(agent);
    }

    private void onControl(VmControl op, Scheduler simulation) {
        HostPowerControl host = power;
        if (host == null) {
            return;
        }
        Runnable action = switch (op.op()) {
            case VmCodes.OP_POWER_ON -> host::powerOn;
            case VmCodes.OP_POWEROFF -> host::powerOff;
            case VmCodes.OP_RESET -> host::reset;
            case VmCodes.OP_SEND_NMI -> host::nmi;
            case VmCodes.OP_GRACEFUL_SHUTDOWN -> host::gracefulShutdown;
            default -> null;
        };
        if (action != null) {
            simulation.schedule(java.time.Duration.ZERO, action);
        }
    }

    @Override
    public IpmiResponse send(int netFn, int cmd, byte[] data) {
        try {
            VmMessage r = client.request(netFn, 0, cmd, data)
                    .get(HostInterfaceClient.RESPONSE_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            byte[] body = r.payload();
            if (body.length == 0) {
                failures.incrementAndGet();
                return IpmiResponse.error(CompletionCode.TIMEOUT);
            }
            return new IpmiResponse(new CompletionCode(body[0] & 0xFF), Arrays.copyOfRange(body, 1, body.length));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.incrementAndGet();
            return IpmiResponse.error(CompletionCode.TIMEOUT);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            failures.incrementAndGet();
            return IpmiResponse.error(CompletionCode.TIMEOUT);
        }
    }

    @Override
    public void powerGood(boolean on) {
        client.send(new VmControl(VmCodes.OP_POWER_STATE, new byte[] {(byte) (on ? 1 : 0)}));
    }

    @Override
    public void platformReset() {
        client.send(VmControl.of(VmCodes.OP_RESET));
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Requests that got no proper response (timeout, link down). */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
