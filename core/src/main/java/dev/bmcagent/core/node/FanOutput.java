package dev.bmcagent.core.node;

import dev.bmcagent.core.fan.FanController;

/**
 * What a node's fan loop writes to, made while the node is built: the host's fans as they are
 * ({@link #DIRECT}), or a controller in front of them that decides from what the node sees (the simulator's naive
 * fan controller reads the node's {@link HostView}). The node passes its own view, so neither side needs to be set
 * after construction.
 */
@FunctionalInterface
public interface FanOutput {
    /** The host's fans, written as the fan loop decides. */
    FanOutput DIRECT = (fans, node) -> fans;

    /**
     * Makes the fan controller the node's fan loop writes to.
     *
     * @param fans the host's fans ({@link HostNodeSpec#fans()})
     * @param node the node being built: read it only once the fan loop runs (after {@link HostNode#start()})
     */
    FanController create(FanController fans, HostView node);
}
