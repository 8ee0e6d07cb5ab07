package dev.bmcagent.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command tree in-process with captured output; "shutdown" happens as soon as a command waits. */
final class CliTestSupport {
    private CliTestSupport() {}

    record Result(int exit, String out, String err) {}

    static CliEnvironment env(Path home) {
        return new CliEnvironment(Map.of(), home, home, new SecureRandom(), Runnable::run);
    }

    static Result run(CliEnvironment env, String... args) {
        CommandLine cl = Main.commandLine(env, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
