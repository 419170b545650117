package com.lambdarelease.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.lambdarelease.service.sso.CachedToken;
import com.lambdarelease.service.sso.SignInPrompt;
import com.lambdarelease.service.sso.SsoAccount;
import com.lambdarelease.service.sso.SsoDirectory;
import com.lambdarelease.service.sso.SsoSession;
import com.lambdarelease.service.sso.SsoSignIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code sso login} and {@code sso accounts}: IAM Identity Center from the command line. */
final class SsoCommands {

    private SsoCommands() {
    }

    /** Identity Center commands need no Lambda connection, only the session's. */
    abstract static class SsoCommand extends CliCommand {
        @Mixin
        CliSso.SessionOptions session;

        SsoCommand(GlobalOptions options, CliContext context) {
            super(options, context);
        }

        @Override
        boolean needsConnection() {
            return false;
        }

        @Override
        final int run(CliSession ignored) {
            try (CliSso sso = new CliSso(context, err())) {
                return run(sso, session.resolve(sso.signIns()));
            }
        }

        abstract int run(CliSso sso, SsoSession session);

        Consumer<Duration> throttleNotes() {
            PrintWriter err = err();
            return wait -> {
                err.println("IAM Identity Center is throttling; asking again in " + wait.toMillis() + " ms.");
                err.flush();
            };
        }
    }

    @Command(name = "login", mixinStandardHelpOptions = true, description = {
            "Sign in to IAM Identity Center: in the browser (authorization code with PKCE, a redirect to 127.0.0.1), "
                    + "or with a code confirmed on any device (--device-code, also used when no browser opens). The token "
                    + "is cached where the AWS CLI keeps it, so this signs the AWS CLI in too."})
    static final class Login extends SsoCommand {
        @Option(names = "--device-code", description = "Show a code to confirm on any device instead of opening a browser.")
        boolean deviceCode;

        Login(GlobalOptions options, CliContext context) {
            super(options, context);
        }

        @Override
        int run(CliSso sso, SsoSession session) {
            PrintWriter say = report();
            SignInPrompt prompt = new SignInPrompt() {
                @Override
                public void showDeviceCode(String userCode, URI verificationUri, URI complete) {
                    say.println("Open " + complete + " and confirm the code " + userCode
                            + " (or enter it at " + verificationUri + ").");
                    say.flush();
                }

                @Override
                public void browserOpened(URI authorizeUrl) {
                    say.println("Opened your browser to sign in. If no page appeared, open:\n  " + authorizeUrl);
                    say.flush();
                }

                @Override
                public void browserUnavailable() {
                    say.println("No browser could be opened here; using a device code instead.");
                    say.flush();
                }
            };
            SsoSignIn signIn = sso.signIns().signIn(session);
            CachedToken token = CliSession.await(signIn.signIn(deviceCode ? SsoSignIn.Flow.DEVICE_CODE
                    : SsoSignIn.Flow.BROWSER, prompt));
            if (options.json()) {
                Output.json(out(), Output.object().put("outcome", "signed-in").put("session", session.label())
                        .put("expiresAt", token.expiresAt().toString()));
            } else {
                say.println("Signed in to " + session.label() + " until " + token.expiresAt()
                        + "; the AWS CLI shares this sign-in.");
            }
            return ExitCodes.DONE;
        }
    }

    @Command(name = "accounts", mixinStandardHelpOptions = true, description = {
            "The accounts the signed-in user can reach (all pages), with each account's roles when asked (--roles)."})
    static final class Accounts extends SsoCommand {
        @Option(names = "--roles", description = "Also list each account's roles (one more request per account).")
        boolean roles;

        Accounts(GlobalOptions options, CliContext context) {
            super(options, context);
        }

        @Override
        int run(CliSso sso, SsoSession session) {
            SsoDirectory directory = sso.signIns().directory(session);
            List<SsoAccount> accounts = CliSession.await(directory.accounts(throttleNotes()));
            List<List<String>> roleLists = new ArrayList<>();
            for (SsoAccount a : accounts) {
                roleLists.add(roles ? CliSession.await(directory.roles(a.accountId(), throttleNotes())) : List.of());
            }
            if (options.json()) {
                ArrayNode array = Output.array();
                for (int i = 0; i < accounts.size(); i++) {
                    SsoAccount a = accounts.get(i);
                    var node = array.addObject().put("accountId", a.accountId()).put("accountName", a.accountName())
                            .put("emailAddress", a.emailAddress());
                    if (roles) {
                        roleLists.get(i).forEach(node.putArray("roles")::add);
                    }
                }
                Output.json(out(), array);
            } else {
                List<String> header = new ArrayList<>(List.of("ACCOUNT ID", "NAME", "EMAIL"));
                if (roles) {
                    header.add("ROLES");
                }
                List<List<String>> rows = new ArrayList<>();
                for (int i = 0; i < accounts.size(); i++) {
                    SsoAccount a = accounts.get(i);
                    List<String> row = new ArrayList<>(List.of(a.accountId(), a.accountName(), a.emailAddress()));
                    if (roles) {
                        row.add(String.join(", ", roleLists.get(i)));
                    }
                    rows.add(row);
                }
                Output.table(out(), header, rows);
            }
            return ExitCodes.DONE;
        }
    }
}
