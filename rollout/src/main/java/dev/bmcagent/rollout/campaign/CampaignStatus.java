package dev.bmcagent.rollout.campaign;

/** Where a campaign is. */
public enum CampaignStatus {
    /** Declared, not started. */
    PENDING,
    /** A wave is in flight, or the next one starts when it ends. */
    RUNNING,
    /** An operator paused it: the wave in flight finishes, no new wave starts until resumed. */
    PAUSED,
    /** A wave's failure rate passed the threshold: no new host is started until an operator resumes. */
    HALTED,
    /** An operator aborted it: no new host is started, ever. */
    ABORTED,
    /** Every host in scope was processed. */
    DONE
}
