package com.lambdarelease.cli;

import com.lambdarelease.domain.InvalidInputException;
import com.lambdarelease.service.sso.BrowserOpener;
import com.lambdarelease.service.sso.SsoSession;
import com.lambdarelease.service.sso.SsoSignIns;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Identity Center side of the command line: the sign-ins for the command's environment and home
 * (so tests never touch the real ~/.aws), and the {@code --session | --start-url --sso-region}
 * options {@code sso login} and {@code sso accounts} share.
 */
final class CliSso implements AutoCloseable {

    /** Which Identity Center session a command is about. */
    static final class SessionOptions {
        @Option(names = "--session", paramLabel = "NAME", description = "An [sso-session NAME] of ~/.aws/config.")
        String session;

        @Option(names = "--start-url", paramLabel = "URL", description = "The AWS access portal URL, with --sso-region.")
        String startUrl;

        @Option(names = "--sso-region", paramLabel = "R", description = "The region of the Identity Center instance.")
        String ssoRegion;

        /** The session asked for; refused unless it is exactly one of the two forms. */
        SsoSession resolve(SsoSignIns signIns) {
            if ((session == null) == (startUrl == null)) {
                var names = signIns.config().sessions().stream().map(SsoSession::label).toList();
                throw new InvalidInputException("Give either --session NAME" + (names.isEmpty() ? ""
                        : " (configured: " + String.join(", ", names) + ")") + " or --start-url URL --sso-region R.");
            }
            try {
                if (session != null) {
                    return signIns.configured(session);
                }
                if (ssoRegion == null) {
                    throw new InvalidInputException("--start-url needs --sso-region, the region of the Identity Center instance.");
                }
                return SsoSession.typed(startUrl, ssoRegion);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage());
            }
        }
    }

    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final SsoSignIns signIns;

    /** @param err where failures of its background work are said */
    CliSso(CliContext context, java.io.PrintWriter err) {
        TerminalFeedback feedback = new TerminalFeedback(err);
        this.io = CliSession.pool("cli-sso", feedback);
        this.scheduler = CliSession.timer("cli-sso-timer", feedback);
        this.signIns = signIns(context, io, scheduler);
    }

    static SsoSignIns signIns(CliContext context, ExecutorService io, ScheduledExecutorService scheduler) {
        return new SsoSignIns(context.env(), context.home(), BrowserOpener.system(), Clock.systemUTC(), io, scheduler);
    }

    SsoSignIns signIns() {
        return signIns;
    }

    @Override
    public void close() {
        signIns.close();
        io.shutdownNow();
        scheduler.shutdownNow();
    }
}
