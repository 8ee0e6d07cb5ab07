/** The agent daemon. */
package dev.bmcagent.agent;
