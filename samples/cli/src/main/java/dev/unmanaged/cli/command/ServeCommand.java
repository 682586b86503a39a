package dev.unmanaged.cli.command;

import dev.unmanaged.cli.CliFailure;
import dev.unmanaged.cli.ExitCodes;
import dev.unmanaged.cli.Interruption;
import dev.unmanaged.cli.session.CommonOptions;
import dev.unmanaged.cli.session.Session;
import dev.unmanaged.console.AccessToken;
import dev.unmanaged.console.ConsoleOptions;
import dev.unmanaged.console.ConsoleServer;
import dev.unmanaged.console.ServedHosts;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Serves the JSON API and the web console over the hosts and the inventory, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web console and its JSON API (/api/v1, see docs/console.md) over the hosts and"
                + " the inventory, until Ctrl-C, which ends it with exit status 130.",
                "Every call other than a GET (imports, their plans, unmanages) needs the bearer token printed at"
                        + " start (or read from " + AccessToken.VARIABLE + "); the console's address printed at start"
                        + " carries it."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Mixin
    private HostsOption hosts;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ConsoleOptions.DEFAULT_PORT,
            description = "The TCP port (default ${DEFAULT-VALUE}; 0 for any free one).")
    private int port;

    @Option(names = "--listen", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only). Anything else"
                    + " exposes the console to the network; put it behind TLS.")
    private String listen;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port: found " + port + ", expected 0 to 65535");
        }
        AccessToken token;
        try {
            token = AccessToken.fromEnvironmentOrGenerate();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, AccessToken.VARIABLE + ": " + e.getMessage());
        }
        var options = new ConsoleOptions(new InetSocketAddress(address(), port), token,
                ConsoleOptions.DEFAULT_MAX_BODY_BYTES, ConsoleOptions.DEFAULT_MAX_EVENT_STREAMS);
        try (Session session = Session.of(common)) {
            var served = new ServedHosts(session.hosts(hosts.uris));
            ConsoleServer server;
            try {
                server = ConsoleServer.start(options, session.instances(), session.store().catalog(), served);
            } catch (UncheckedIOException e) {
                throw new CliFailure(ExitCodes.UNREACHABLE, e.getMessage() + " (choose another --port)");
            }
            try (server) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("Console: " + server.uri() + "#token=" + token.reveal());
                out.println("API:     " + server.uri() + "api/v1/ (token: " + token.reveal() + ")");
                out.println("Serving " + served.all().size() + " host(s); Ctrl-C to stop.");
                out.flush();
                Interruption.process().awaitRequest();
            }
        }
        return ExitCodes.INTERRUPTED;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(listen);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--listen: found '" + listen
                    + "', expected an address of this machine such as 127.0.0.1");
        }
    }
}
