package dev.bmcagent.ipmi.registry;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a request through the command table. The dispatcher, not the handler, owns the protocol errors:
 * C1h unknown command, D4h a command whose rows do not admit the request's channel (the host's lifecycle
 * inputs from LAN), C7h bad length, D4h insufficient privilege, FFh unexpected failure (logged with the
 * command's name). Used by both the LAN server and the host interface, which tell it the channel in the
 * request's context: which channel may cause what is declared once, in the command table. The LAN layer hands it
 * the messages that arrive before a session exists through {@link #dispatchOutsideSession}, which runs only the
 * table's {@link CommandSpec.Access#PRE_SESSION} rows.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final CommandRegistry registry;
    private volatile Observer observer;

    /** Told about every dispatched request (metrics); must be quick and must not throw. */
    @FunctionalInterface
    public interface Observer {
        void dispatched(IpmiRequest request, IpmiResponse response, long nanos);
    }

    public Dispatcher(CommandRegistry registry) {
        this.registry = registry;
    }

    /** Sets the one observer (null: none). */
    public void observe(Observer o) {
        this.observer = o;
    }

    public CommandRegistry registry() {
        return registry;
    }

    /**
     * A request that arrived outside a session (context {@link dev.bmcagent.ipmi.message.RequestContext#outsideSession}):
     * dispatched like any other when the table allows the command before login ({@link CommandSpec.Access#PRE_SESSION}
     * rows); empty when it does not, and the LAN layer drops the message unanswered (IPMI 2.0 §13.14: a BMC
     * answers only these commands outside a session).
     */
    public Optional<IpmiResponse> dispatchOutsideSession(IpmiRequest request) {
        Optional<CommandSpec> found = find(request).filter(s -> s.access() == CommandSpec.Access.PRE_SESSION);
        return found.isPresent() ? Optional.of(dispatch(request, found)) : Optional.empty();
    }

    public IpmiResponse dispatch(IpmiRequest request) {
        return dispatch(request, find(request));
    }

    private Optional<CommandSpec> find(IpmiRequest request) {
        return registry.find(request.netFn(), request.cmd(), request.context().channel());
    }

    /** {@code found}: the request's row for its channel, looked up once by the caller. */
    private IpmiResponse dispatch(IpmiRequest request, Optional<CommandSpec> found) {
        Observer o = observer;
        if (o == null) {
            return handle(request, found);
        }
        long start = System.nanoTime();
        IpmiResponse response = handle(request, found);
        o.dispatched(request, response, System.nanoTime() - start);
        return response;
    }

    private IpmiResponse handle(IpmiRequest request, Optional<CommandSpec> found) {
        if (found.isPresent()) {
            return run(request, found.get());
        }
        List<CommandSpec> rows = registry.rows(request.netFn(), request.cmd());
        if (rows.isEmpty()) {
            return IpmiResponse.error(CompletionCode.INVALID_COMMAND);
        }
        // a host-only input (lifecycle, boot progress, OEM host commands) from LAN: D4h, "insufficient
        // privilege level or other security-based restriction (e.g. disabled for firmware firewall)" (§5.2);
        // a session-setup command on the system interface: C1h (Access.refusal)
        return IpmiResponse.error(rows.get(0).access().refusal());
    }

    /** Runs the command {@code spec} of the table for {@code request}: length, privilege, then its handler. */
    private IpmiResponse run(IpmiRequest request, CommandSpec spec) {
        if (request.length() < spec.minLength() || request.length() > spec.maxLength()) {
            return IpmiResponse.error(CompletionCode.INVALID_LENGTH);
        }
        if (!request.context().isSystemInterface()
                && !request.context().privilege().atLeast(spec.privilege())) {
            return IpmiResponse.error(CompletionCode.INSUFFICIENT_PRIVILEGE);
        }
        try {
            IpmiResponse response = spec.handler().handle(request);
            return response == null ? IpmiResponse.error(CompletionCode.UNSPECIFIED) : response;
        } catch (IpmiException e) {
            return IpmiResponse.error(e.completionCode());
        } catch (RuntimeException e) {
            LOG.error("IPMI {} failed unexpectedly for {}", spec, request.context(), e);
            return IpmiResponse.error(CompletionCode.UNSPECIFIED);
        }
    }
}
