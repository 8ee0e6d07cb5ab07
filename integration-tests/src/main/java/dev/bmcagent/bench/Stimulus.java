package dev.bmcagent.bench;

import java.io.IOException;

/**
 * The cause of one message that {@link MqttLatency} waits for. The default ({@link PublishStimulus}) publishes
 * straight to the broker; a later stimulus can poke the agent (e.g. Set ACPI Power State over the host
 * interface) and let the agent publish. Implementations need a public constructor taking
 * {@link BenchOptions}, so the harness can load them by class name ({@code --stimulus-class}).
 */
public interface Stimulus extends AutoCloseable {
    /** Prepares connections; called once before the first {@link #fire}. */
    void open() throws Exception;

    /**
     * Causes one message on the subscribed topic. Called only after the previous message was received.
     *
     * @param sequence 0-based message number, unique within a run
     * @return the payload the receiver must see, or {@code null} when any message counts (stimuli that do not
     *     control the payload)
     */
    byte[] fire(long sequence) throws Exception;

    @Override
    void close() throws IOException;
}
