package dev.bmcagent.hostif;

/** Outcome of a power/control request to the host link. */
public enum ControlResult {
    /** The control operation was written to the connected host. */
    SENT,
    /** No host is connected (the machine is off, or not yet started). */
    NOT_CONNECTED,
    /** The connected host did not advertise the capability this operation needs. */
    UNSUPPORTED,
    /** Power-on: the host is connected and powered already. */
    ALREADY_ON,
    /** Power-on: the configured start command was launched. */
    START_COMMAND_LAUNCHED,
    /** Power-on: the start command launched earlier is still running and the host has not connected yet. */
    START_COMMAND_PENDING,
    /** Power-on: no host connected and no start command configured. */
    NO_START_COMMAND,
    /** Power-on: the start command could not be launched (see the log). */
    START_COMMAND_FAILED
}
