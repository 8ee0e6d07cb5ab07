package dev.bmcagent.redfish.backend;

/** Redfish {@code Resource.IndicatorLED} (deprecated in favour of LocationIndicatorActive, still read by tools). */
public enum IndicatorLed { Lit, Blinking, Off }
