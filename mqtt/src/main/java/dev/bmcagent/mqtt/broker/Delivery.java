package dev.bmcagent.mqtt.broker;

/**
 * One message on its way to one session.
 *
 * @param publication the message
 * @param qos         granted delivery QoS (0 or 1)
 * @param shareGroup  the shared-subscription group it was routed through, or null; on a member's loss the
 *                    broker hands such deliveries to another member of the group
 * @param retainFlag  the RETAIN flag to set on the outgoing PUBLISH
 */
record Delivery(Publication publication, int qos, String shareGroup, boolean retainFlag) {}
