package dev.bmcagent.it;

import dev.bmcagent.it.ipmi.ClientRun;
import java.util.ArrayList;
import java.util.List;

/** curl as the ITs run it against an agent on 127.0.0.1 (through {@link ClientRun}: time limit, exit status). */
public final class ClientProcesses {
    private ClientProcesses() {}

    /**
     * The HTTP status curl gets for {@code url} ({@code -k}: the agents' certificates are self-signed), with
     * {@code options} (e.g. {@code -u user:password}, {@code -X POST}) before the URL.
     */
    public static String httpStatus(String url, String... options) {
        List<String> argv = new ArrayList<>(List.of("curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}"));
        argv.addAll(List.of(options));
        argv.add(url);
        return ClientRun.of(argv).ok().output().strip();
    }
}
