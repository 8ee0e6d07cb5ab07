/**
 * Reboot permits, the agent side: the {@link dev.bmcagent.core.reboot.RebootPermits} port the agent asks before a
 * reboot it triggers itself, the local default ({@code PROCEED}), the deadline/fallback rule for an unreachable
 * coordinator, and the power port decorator that applies it. The coordinator lives in the {@code rollout} module.
 * See docs/ROLLOUT.md.
 */
package dev.bmcagent.core.reboot;
