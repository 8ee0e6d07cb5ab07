/**
 * IPMI over LAN, wire level: RMCP and ASF presence ({@link dev.bmcagent.ipmi.lan.RmcpHeader},
 * {@link dev.bmcagent.ipmi.lan.AsfPresence}), the IPMI v1.5 and v2.0/RMCP+ session wrappers
 * ({@link dev.bmcagent.ipmi.lan.Ipmi15Packet}, {@link dev.bmcagent.ipmi.lan.RmcpPlusPacket}), the LAN message
 * ({@link dev.bmcagent.ipmi.lan.LanMessage}) — pure static codecs returning {@link dev.bmcagent.ipmi.lan.Decoded}
 * — and the Netty UDP server ({@link dev.bmcagent.ipmi.lan.IpmiLanServer}) that hands each datagram to a
 * {@link dev.bmcagent.ipmi.lan.DatagramProcessor}.
 *
 * <p>Wiring (one server per managed host):
 * <pre>{@code
 * IpmiLanOptions options = IpmiLanOptions.defaults();                 // 127.0.0.1:6230
 * LanCounters counters = new LanCounters();
 * LanPacketProcessor processor = new LanPacketProcessor(options, users, dispatcher, hostIndex,
 *         systemGuid, clock, new SecureRandom(), counters);
 * IpmiLanServer server = new IpmiLanServer(options, processor, counters);
 * server.start().join();            // or startBlocking(); completes with the bound address
 * scheduler: processor.sweep();     // closes idle sessions between packets
 * server.stop().join();             // releases the port
 * }</pre>
 */
package dev.bmcagent.ipmi.lan;
