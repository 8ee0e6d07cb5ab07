/**
 * The durable System Event Log: {@link dev.bmcagent.journal.sel.JournalSelStore} (one journal per host, passes
 * ipmi's {@code SelStoreContract}) and {@link dev.bmcagent.core.sel.LifecycleSelWriter}, which turns the
 * lifecycle's domain SEL events into IPMI records.
 */
package dev.bmcagent.core.sel;
