/**
 * RMCP+ sessions (IPMI 2.0 §13.17-13.32): Open Session, RAKP 1-4 with cipher suites 17 and 3, SIK/K1/K2,
 * HMAC integrity and AES-CBC-128 confidentiality, the sessionless pre-login commands (Get Channel
 * Authentication Capabilities, Get Channel Cipher Suites), Set Session Privilege Level and Close Session,
 * lockout and session limits. {@link dev.bmcagent.ipmi.session.LanPacketProcessor} is the entry point;
 * {@link dev.bmcagent.ipmi.session.IpmiUserDirectory} is the users port the agent implements.
 */
package dev.bmcagent.ipmi.session;
