/**
 * RMCP+ sessions (IPMI 2.0 §13.17-13.32): Open Session, RAKP 1-4 with cipher suites 17 and 3, SIK/K1/K2,
 * HMAC integrity and AES-CBC-128 confidentiality, Set Session Privilege Level and Close Session, lockout and
 * session limits. The pre-login commands (Get Channel Authentication Capabilities, Get Channel Cipher Suites) are
 * rows of the command table ({@code ipmi.command.app.SessionSetupCommands}); this layer hands sessionless messages
 * to {@code Dispatcher.dispatchOutsideSession}, which runs only those rows. {@link dev.bmcagent.ipmi.session.LanPacketProcessor} is the entry point;
 * {@link dev.bmcagent.ipmi.session.IpmiUserDirectory} is the users port the agent implements.
 */
package dev.bmcagent.ipmi.session;
