package dev.bmcagent.it.redfish;

import static dev.bmcagent.it.redfish.RedfishRig.ADMIN;
import static dev.bmcagent.it.redfish.RedfishRig.ADMIN_PW;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bmcagent.hostif.VmCodes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A boot's lifecycle events arrive, in order, on the SSE stream (curl -N) and at a push subscriber. */
class RedfishEventsIT {
    /** MessageKey(first state argument) of one boot, as the lifecycle records it (BootOverVmLinkTest's order). */
    static final List<String> BOOT = List.of(
            "PowerStateChanged(On)",
            "BootCycleStarted(1)",
            "AcpiStateChanged(S2_D2)",
            "FanModeChanged(FixedDuty)",
            "BootProgressChanged(PrimaryProcessorInitializationStarted)",
            "BootProgressChanged(MemoryInitializationStarted)",
            "BootProgressChanged(SecondaryProcessorInitializationStarted)",
            "BootProgressChanged(PCIResourceConfigStarted)",
            "BootProgressChanged(OSBootStarted)",
            "AcpiStateChanged(S0_G0_D0)",
            "BootProgressChanged(OSRunning)",
            "BootCycleCompleted(1)",
            "FanModeChanged(Normal)");

    @TempDir
    Path dir;

    RedfishRig rig;
    Process sse;
    Vertx receiver;

    @BeforeEach
    void start() throws Exception {
        rig = new RedfishRig(dir);
    }

    @AfterEach
    void stop() {
        if (sse != null) {
            sse.destroy();
        }
        if (receiver != null) {
            receiver.close();
        }
        rig.close();
    }

    /** "MessageKey(arg1)" of one Redfish Event payload's first record. */
    static String describe(JsonNode event) {
        JsonNode r = event.at("/Events/0");
        String id = r.get("MessageId").asText();
        return id.substring(id.lastIndexOf('.') + 1) + "("
                + r.at("/MessageArgs/1").asText() + ")";
    }

    private void boot() {
        rig.powerOn();
        RedfishBootIT.firmware(rig);
        RedfishBootIT.rest(rig);
    }

    /** Starts {@code curl -N} on the SSE stream; returns its output lines as they come. */
    private List<String> openSse() throws Exception {
        return openSse(null);
    }

    /** Same, with {@code -H 'Last-Event-ID: <id>'} when {@code lastEventId} is not null. */
    private List<String> openSse(String lastEventId) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("curl", "-N", "-sk", "-u", ADMIN + ":" + ADMIN_PW));
        if (lastEventId != null) {
            cmd.addAll(List.of("-H", "Last-Event-ID: " + lastEventId));
        }
        cmd.add(rig.base() + "/redfish/v1/EventService/SSE");
        sse = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(sse.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String l = in.readLine(); l != null; l = in.readLine()) {
                            lines.add(l);
                        }
                    } catch (IOException e) {
                        lines.add("reader failed: " + e);
                    }
                },
                "sse-reader");
        reader.setDaemon(true);
        reader.start();
        await().until(() -> lines.stream().anyMatch(l -> l.startsWith(": subscription")));
        return lines;
    }

    @Test
    void curlSseReceivesTheBootInOrder() throws Exception {
        List<String> lines = openSse();
        boot();
        await().atMost(Duration.ofSeconds(20)).until(() -> events(lines).contains("BootCycleCompleted(1)"));
        System.out.println("SSE (curl -N) lines:\n" + String.join("\n", lines.subList(0, Math.min(lines.size(), 8))));
        assertEquals(BOOT, events(lines));
    }

    @Test
    void reconcileDecisionAndNetworkBootFailureReachSse() throws Exception {
        List<String> lines = openSse();
        rig.powerOn();
        rig.send(0x06, 0x06, "82 82"); // Set ACPI: S2, D2
        rig.reportBootOrder(RedfishControlIT.OPTIONS);
        await().until(() -> rig.get("/redfish/v1/Systems/host0/BootOptions")
                        .get("Members@odata.count")
                        .asInt()
                == 3);
        RedfishRig.Run patch = rig.curl(
                ADMIN,
                RedfishRig.ADMIN_PW,
                "PATCH",
                "/redfish/v1/Systems/host0",
                "{\"Boot\":{\"BootOrder\":[\"Boot0003\",\"Boot0002\",\"Boot0001\"]}}");
        assertEquals(200, patch.status(), patch.out());
        await().until(() -> !rig.node().pendingBootOrder().current().isEmpty());
        rig.reportBootOrder(RedfishControlIT.OPTIONS); // firmware kept its own order
        rig.send(0x04, 0x02, "01 04 1E 09 6F 82 00 02"); // PEM: boot error, PXE server not found,
        // ED2 interface 0, ED3 HTTP over IPv4
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(lines).stream().anyMatch(e -> e.startsWith("NetworkBootAttemptFailed(")));
        List<String> got = events(lines);
        System.out.println("SSE decision/failure events: " + got);
        assertTrue(got.contains("BootOrderReconciled(REAPPLY_AND_REBOOT)"), got::toString);
        // issue #13 item 10: an HTTP(S) attempt is not "PXE server not found"; interface 0 by its protocol
        String failed = lines.stream()
                .filter(l -> l.contains("NetworkBootAttemptFailed"))
                .findFirst()
                .orElseThrow();
        JsonNode args = RedfishRig.JSON.readTree(failed.substring(5)).at("/Events/0/MessageArgs");
        System.out.println("NetworkBootAttemptFailed MessageArgs: " + args);
        assertEquals("HTTP(S) boot server not found", args.get(2).asText(), failed);
        assertTrue(args.get(1).asText().contains("HTTP"), failed);
        await().until(() -> rig.controls.stream().anyMatch(c -> c.op() == VmCodes.OP_RESET)); // the reboot
    }

    /**
     * Issue #13 item 11: a client that disconnects, misses events and reconnects with the last {@code id:} it saw
     * gets every missed event once, in order, then the live ones.
     */
    @Test
    void curlResumingWithLastEventIdGetsEveryMissedEventOnceInOrder() throws Exception {
        List<String> first = openSse();
        rig.powerOn();
        RedfishBootIT.firmware(rig);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> events(first).contains("BootProgressChanged(MemoryInitializationStarted)"));
        sse.destroy();
        sse.waitFor(10, TimeUnit.SECONDS);
        List<String> ids = first.stream()
                .filter(l -> l.startsWith("id: "))
                .map(l -> l.substring(4))
                .toList();
        assertEquals(events(first).size(), ids.size(), "every event has an id: " + first);
        String lastId = ids.get(ids.size() - 1);
        int seen = events(first).size();

        RedfishBootIT.rest(rig); // produced while no client is connected
        await().until(() -> rig.history.read("host0", 1, 1000).stream()
                .anyMatch(e -> e.event() instanceof dev.bmcagent.acpi.lifecycle.LifecycleEvent.BootCycleEnded));

        List<String> resumed = openSse(lastId);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(resumed).contains("BootCycleCompleted(1)"));
        System.out.println("first stream ended at id " + lastId + "; resumed (curl -N -H 'Last-Event-ID: " + lastId
                + "') lines:\n" + String.join("\n", resumed.subList(0, Math.min(resumed.size(), 8))));
        assertEquals(BOOT.subList(seen, BOOT.size()), events(resumed));
        List<String> all = new java.util.ArrayList<>(ids);
        resumed.stream()
                .filter(l -> l.startsWith("id: "))
                .map(l -> l.substring(4))
                .forEach(all::add);
        assertEquals(all.stream().distinct().count(), all.size(), "ids are unique: " + all);

        rig.send(0x06, 0x06, "85 83"); // live after the replay: S5/D3
        await().atMost(Duration.ofSeconds(20)).until(() -> events(resumed).size() > BOOT.size() - seen);
        System.out.println("live after the replay: "
                + events(resumed).subList(BOOT.size() - seen, events(resumed).size()));
    }

    /** An id the history does not hold: the client is told events may be lost (Base EventBufferExceeded). */
    @Test
    void curlResumingFromAnUnknownIdIsToldEventsMayBeLost() throws Exception {
        List<String> lines = openSse("host0.999999");
        await().until(() -> lines.stream().anyMatch(l -> l.contains("EventBufferExceeded")));
        rig.powerOn();
        await().atMost(Duration.ofSeconds(20)).until(() -> events(lines).contains("PowerStateChanged(On)"));
        System.out.println("resume from an unknown id: " + lines.subList(0, Math.min(lines.size(), 4)));
    }

    private static List<String> events(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("data:") && !l.contains("EventBufferExceeded"))
                .map(l -> {
                    try {
                        return describe(RedfishRig.JSON.readTree(l.substring(5)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    @Test
    void pushSubscriberOn127001ReceivesTheBootInOrder() throws Exception {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        receiver = Vertx.vertx();
        HttpServer http = receiver.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    try {
                        received.add(RedfishRig.JSON.readTree(b.getBytes()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    req.response().setStatusCode(204).end();
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        String destination = "http://127.0.0.1:" + http.actualPort() + "/events";
        RedfishRig.Run sub = rig.curl(
                ADMIN,
                ADMIN_PW,
                "POST",
                "/redfish/v1/EventService/Subscriptions",
                "{\"Destination\":\"" + destination + "\",\"Protocol\":\"Redfish\",\"Context\":\"it-push\"}");
        assertEquals(201, sub.status(), sub.out());

        boot();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        received.stream().map(RedfishEventsIT::describe).anyMatch("BootCycleCompleted(1)"::equals));
        System.out.println(
                "push receiver got " + received.size() + " events, last: " + received.get(received.size() - 1));
        assertEquals(BOOT, received.stream().map(RedfishEventsIT::describe).toList());
        assertEquals("it-push", received.get(0).get("Context").asText());
    }
}
