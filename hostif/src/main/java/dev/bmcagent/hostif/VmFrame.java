package dev.bmcagent.hostif;

/** One decoded unit of the VM protocol: an IPMI message (ends A0h) or a control operation (ends A1h). */
sealed interface VmFrame permits VmMessage, VmControl {}
