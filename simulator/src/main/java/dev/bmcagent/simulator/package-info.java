/** Simulated hosts and fleets. */
package dev.bmcagent.simulator;
