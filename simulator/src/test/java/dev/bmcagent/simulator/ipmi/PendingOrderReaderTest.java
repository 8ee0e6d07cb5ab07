package dev.bmcagent.simulator.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.core.ipmiport.PendingBootOrder;
import dev.bmcagent.ipmi.command.HostScoped;
import dev.bmcagent.ipmi.command.oem.MemoryReport;
import dev.bmcagent.ipmi.command.oem.OemCommands;
import dev.bmcagent.ipmi.command.oem.OemHostPort;
import dev.bmcagent.ipmi.command.oem.PendingOrder;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.CommandRegistry;
import dev.bmcagent.ipmi.registry.Dispatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The host's 30h/12h reads against the BMC's real 30h/12h handler and the agent's real pending order
 * (docs/HOST-INTERFACE.md "Get Pending Boot Order in chunks").
 */
class PendingOrderReaderTest {
    /** The longest pattern a response carries: 254 bytes less the 3-byte header and the length byte. */
    private static final int LONGEST = 250;

    /** The BMC end: the ipmi module's OEM handlers over the agent's PendingBootOrder; counts and sizes the answers. */
    private static final class Bmc {
        final PendingBootOrder pending = new PendingBootOrder();
        final List<Integer> sizes = new ArrayList<>();
        final List<Integer> indices = new ArrayList<>();
        Consumer<Integer> beforeAnswer = index -> {};
        private final Dispatcher dispatcher = new Dispatcher(CommandRegistry.builder()
                .addAll(new OemCommands(HostScoped.single(new OemHostPort() {
                            @Override
                            public void postCode(int code) {}

                            @Override
                            public void bootOrderReported(List<String> options) {}

                            @Override
                            public PendingOrder pendingBootOrder() {
                                return pending.snapshot();
                            }

                            @Override
                            public void bootOrderAcknowledged(int status, java.util.OptionalInt revision) {
                                pending.acknowledge(revision);
                            }

                            @Override
                            public void memoryReported(MemoryReport report) {}
                        }))
                        .specs())
                .build());

        IpmiResponse send(HostRequest r) {
            int index = r.data().length == 0 ? 0 : r.data()[0] & 0xFF;
            beforeAnswer.accept(index);
            indices.add(index);
            IpmiResponse response = dispatcher.dispatch(
                    new IpmiRequest(RequestContext.systemInterface(0), NetFn.OEM, 0, r.cmd(), r.data()));
            sizes.add(response.data().length);
            return response;
        }

        Optional<List<String>> read() {
            return readWithRevision().map(PendingOrder::patterns);
        }

        Optional<PendingOrder> readWithRevision() {
            return PendingOrderReader.read(this::send);
        }
    }

    @Property(tries = 300)
    void anyOrderOfPatternsThatFitAResponseRoundTrips(
            @ForAll @Size(min = 1, max = 64)
                    List<@StringLength(min = 1, max = LONGEST) @CharRange(from = ' ', to = '~') String> patterns) {
        Bmc bmc = new Bmc();
        bmc.pending.apply(patterns);
        assertEquals(Optional.of(patterns), bmc.read());
        bmc.sizes.forEach(n -> assertTrue(n <= 254, "response of " + n + " bytes"));
        assertEquals(0, bmc.indices.get(0));
    }

    @Property(tries = 300)
    void patternsUpTo255BytesRoundTripWhenTheyFitAndAreOtherwiseNotAppliedAtAll(
            @ForAll @Size(min = 1, max = 64)
                    List<@StringLength(min = 1, max = 255) @CharRange(from = ' ', to = '~') String> patterns) {
        Bmc bmc = new Bmc();
        bmc.pending.apply(patterns);
        boolean fits = patterns.stream().allMatch(p -> p.length() <= LONGEST);
        assertEquals(fits ? Optional.of(patterns) : Optional.empty(), bmc.read()); // CAh for a 251..255-byte one
    }

    @Test
    void seventeenExactNamesNeedSixResponses() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            names.add(java.util.regex.Pattern.quote(String.format(
                    java.util.Locale.ROOT,
                    "UEFI: HTTPS IPv4 Intel Network Adapter - 50:00:E6:8F:4F:%02X P1",
                    i))); // 65 bytes each
        }
        Bmc bmc = new Bmc();
        bmc.pending.apply(names);
        assertEquals(Optional.of(names), bmc.read());
        assertEquals(List.of(0, 3, 6, 9, 12, 15), bmc.indices, "3 patterns of 66 bytes per 254-byte response");
    }

    @Test
    void nothingPendingIsOneRead() {
        Bmc bmc = new Bmc();
        assertEquals(Optional.of(List.of()), bmc.read());
        assertEquals(List.of(0), bmc.indices);
        bmc.pending.apply(List.of("a"));
        bmc.pending.acknowledge();
        assertEquals(Optional.of(List.of()), bmc.read());
    }

    @Test
    void anAcknowledgeOfAnOrderReplacedAfterTheReadLeavesTheNewOrderPending() {
        Bmc bmc = new Bmc();
        bmc.pending.apply(List.of(".*HTTPS IPv6.*"));
        PendingOrder read = bmc.readWithRevision().orElseThrow();
        bmc.pending.apply(List.of(".*PXE IPv4.*")); // declared between the host's 12h and its 13h
        bmc.send(HostMessages.ackBootOrder(0x00, read.revision()));
        assertEquals(List.of(".*PXE IPv4.*"), bmc.pending.current(), "stale acknowledge: the newer order stays");
        PendingOrder next = bmc.readWithRevision().orElseThrow();
        bmc.send(HostMessages.ackBootOrder(0x00, next.revision()));
        assertEquals(List.of(), bmc.pending.current(), "acknowledge of the order read: cleared");
        assertEquals(1, bmc.pending.acknowledgements());
    }

    @Test
    void aChangeBetweenTwoChunksRestartsFromIndexZero() {
        Bmc bmc = new Bmc();
        List<String> old = Collections.nCopies(8, "o".repeat(100)); // 2 per response: 4 responses
        List<String> updated = Collections.nCopies(5, "n".repeat(100));
        bmc.pending.apply(old);
        bmc.beforeAnswer = index -> {
            if (index == 4 && bmc.pending.current().equals(old)) {
                bmc.pending.apply(updated); // the agent declares a new order while the host is half-way
            }
        };
        assertEquals(Optional.of(updated), bmc.read());
        assertEquals(List.of(0, 2, 4, 0, 2, 4), bmc.indices, "revision changed at index 4: read again from 0");
    }

    @Test
    void anOrderThatShrinksMidReadRestartsOnC9h() {
        Bmc bmc = new Bmc();
        bmc.pending.apply(Collections.nCopies(6, "o".repeat(100)));
        bmc.beforeAnswer = index -> {
            if (index == 4 && bmc.pending.current().size() == 6) {
                bmc.pending.acknowledge(); // cleared (e.g. another boot acknowledged it): index 4 is now past 0
            }
        };
        assertEquals(Optional.of(List.of()), bmc.read());
        assertEquals(List.of(0, 2, 4, 0), bmc.indices);
    }

    @Test
    void anOrderThatKeepsChangingIsGivenUpAfterThreeReads() {
        Bmc bmc = new Bmc();
        bmc.pending.apply(Collections.nCopies(4, "o".repeat(100)));
        bmc.beforeAnswer = index -> {
            if (index > 0) {
                bmc.pending.apply(Collections.nCopies(4, "o".repeat(100))); // a re-apply: same patterns, new revision
            }
        };
        assertEquals(Optional.empty(), bmc.read());
        assertEquals(List.of(0, 2, 0, 2, 0, 2), bmc.indices, PendingOrderReader.MAX_TRIES + " reads, then nothing");
    }

    @Test
    void aFailedOrMalformedResponseAppliesNothing() {
        assertEquals(
                Optional.empty(), PendingOrderReader.read(r -> IpmiResponse.error(CompletionCode.INVALID_COMMAND)));
        assertEquals(Optional.empty(), PendingOrderReader.read(r -> IpmiResponse.ok((byte) 0x01)));
        // a BMC that answers every index with the first chunk makes no progress: not an endless loop
        byte[] stuck = new dev.bmcagent.ipmi.command.oem.PendingOrderChunk(2, 0x01, 0, List.of("a")).encode();
        assertEquals(Optional.empty(), PendingOrderReader.read(r -> IpmiResponse.ok(stuck)));
    }
}
