package dev.bmcagent.simulator.host;

import dev.bmcagent.simulator.firmware.BiosUpdateEffect;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.firmware.ProgressProfile;
import dev.bmcagent.simulator.netboot.NetbootProfile;
import dev.bmcagent.simulator.netboot.NetworkEnvironment;
import dev.bmcagent.simulator.netboot.Nvram;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that describes one simulated host. Build with {@link #builder()}; defaults describe a typical
 * server: vendor firmware and network stack, SBMR progress, 8 × 32 GiB DIMMs, one Intel NIC port, a local NVMe
 * disk without OS, and a network where only HTTPS IPv6 boots.
 *
 * @param progress              how the firmware reports progress
 * @param reportsAcpi           whether firmware and OS send Set ACPI Power State at all
 * @param timing                firmware and OS phase durations
 * @param netboot               cost of boot attempts
 * @param dimms                 number of DIMMs installed
 * @param dimmGiB               size of one DIMM
 * @param nics                  number of single-port NICs (one per vendor in turn: Intel, Broadcom, Mellanox)
 * @param diskModel             local disk boot option, if any
 * @param environment           which boot options can boot
 * @param biosUpdateEffect      what a BIOS update does to BootOrder
 * @param forcedPriority        vendor "Force Priority" mode: BootOrder changes are ignored
 * @param spdFailureProbability chance that an SPD read overlapped by a BMC read returns bad data
 * @param bmcReadDuration       one BMC temperature read on the DIMM SMBus
 * @param smbusLog              keep every SMBus transaction (turn off for big fleets; counters stay exact)
 * @param maxBootRounds         full passes over BootOrder before the firmware stops at "no bootable device"
 * @param retryDelay            pause between two passes
 * @param panicReboot           OS panic (NMI) to reboot
 * @param bootList              the network boot options the firmware creates per NIC (vendor HTTPS/PXE by default)
 */
public record HostConfig(
        ProgressProfile progress,
        boolean reportsAcpi,
        FirmwareTiming timing,
        NetbootProfile netboot,
        int dimms,
        int dimmGiB,
        int nics,
        Optional<String> diskModel,
        NetworkEnvironment environment,
        BiosUpdateEffect biosUpdateEffect,
        boolean forcedPriority,
        double spdFailureProbability,
        Duration bmcReadDuration,
        boolean smbusLog,
        int maxBootRounds,
        Duration retryDelay,
        Duration panicReboot,
        Nvram.BootList bootList) {

    public HostConfig {
        Objects.requireNonNull(bootList, "bootList");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(netboot, "netboot");
        Objects.requireNonNull(diskModel, "diskModel");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(biosUpdateEffect, "biosUpdateEffect");
        Objects.requireNonNull(bmcReadDuration, "bmcReadDuration");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(panicReboot, "panicReboot");
        if (dimms < 1 || dimms > 16) {
            throw new IllegalArgumentException("dimms must be 1-16: " + dimms);
        }
        if (dimmGiB < 1 || nics < 0 || nics > 8 || maxBootRounds < 1) {
            throw new IllegalArgumentException("bad dimmGiB, nics (0-8) or maxBootRounds");
        }
        if (!(spdFailureProbability >= 0 && spdFailureProbability <= 1)) {
            throw new IllegalArgumentException("spdFailureProbability must be within 0..1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.progress = progress;
        b.reportsAcpi = reportsAcpi;
        b.timing = timing;
        b.netboot = netboot;
        b.dimms = dimms;
        b.dimmGiB = dimmGiB;
        b.nics = nics;
        b.diskModel = diskModel;
        b.environment = environment;
        b.biosUpdateEffect = biosUpdateEffect;
        b.forcedPriority = forcedPriority;
        b.spdFailureProbability = spdFailureProbability;
        b.bmcReadDuration = bmcReadDuration;
        b.smbusLog = smbusLog;
        b.maxBootRounds = maxBootRounds;
        b.retryDelay = retryDelay;
        b.panicReboot = panicReboot;
        b.bootList = bootList;
        return b;
    }

    /** Fluent builder with the defaults described on {@link HostConfig}. */
    public static final class Builder {
        private ProgressProfile progress = ProgressProfile.SBMR;
        private boolean reportsAcpi = true;
        private FirmwareTiming timing = FirmwareTiming.SERVER;
        private NetbootProfile netboot = NetbootProfile.VENDOR;
        private int dimms = 8;
        private int dimmGiB = 32;
        private int nics = 1;
        private Optional<String> diskModel = Optional.of("NVMe SAMSUNG MZQL21T9HCJR");
        private NetworkEnvironment environment = NetworkEnvironment.onlyMatching(".*HTTPS IPv6.*");
        private BiosUpdateEffect biosUpdateEffect = BiosUpdateEffect.REFRESH_APPENDS_NETWORK;
        private boolean forcedPriority;
        private double spdFailureProbability = 0.5;
        private Duration bmcReadDuration = Duration.ofMillis(5);
        private boolean smbusLog = true;
        private int maxBootRounds = 3;
        private Duration retryDelay = Duration.ofSeconds(10);
        private Duration panicReboot = Duration.ofSeconds(10);
        private Nvram.BootList bootList = Nvram.BootList.VENDOR;

        private Builder() {}

        public Builder progress(ProgressProfile v) {
            progress = v;
            return this;
        }

        public Builder reportsAcpi(boolean v) {
            reportsAcpi = v;
            return this;
        }

        public Builder timing(FirmwareTiming v) {
            timing = v;
            return this;
        }

        public Builder netboot(NetbootProfile v) {
            netboot = v;
            return this;
        }

        public Builder dimms(int count, int giB) {
            dimms = count;
            dimmGiB = giB;
            return this;
        }

        public Builder nics(int v) {
            nics = v;
            return this;
        }

        public Builder diskModel(Optional<String> v) {
            diskModel = v;
            return this;
        }

        public Builder environment(NetworkEnvironment v) {
            environment = v;
            return this;
        }

        public Builder biosUpdateEffect(BiosUpdateEffect v) {
            biosUpdateEffect = v;
            return this;
        }

        public Builder forcedPriority(boolean v) {
            forcedPriority = v;
            return this;
        }

        public Builder spdFailureProbability(double v) {
            spdFailureProbability = v;
            return this;
        }

        public Builder bmcReadDuration(Duration v) {
            bmcReadDuration = v;
            return this;
        }

        public Builder smbusLog(boolean v) {
            smbusLog = v;
            return this;
        }

        public Builder maxBootRounds(int v) {
            maxBootRounds = v;
            return this;
        }

        public Builder retryDelay(Duration v) {
            retryDelay = v;
            return this;
        }

        public Builder panicReboot(Duration v) {
            panicReboot = v;
            return this;
        }

        public Builder bootList(Nvram.BootList v) {
            bootList = v;
            return this;
        }

        public HostConfig build() {
            return new HostConfig(
                    progress,
                    reportsAcpi,
                    timing,
                    netboot,
                    dimms,
                    dimmGiB,
                    nics,
                    diskModel,
                    environment,
                    biosUpdateEffect,
                    forcedPriority,
                    spdFailureProbability,
                    bmcReadDuration,
                    smbusLog,
                    maxBootRounds,
                    retryDelay,
                    panicReboot,
                    bootList);
        }
    }
}
