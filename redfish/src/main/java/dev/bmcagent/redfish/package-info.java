/** Redfish service. */
package dev.bmcagent.redfish;
