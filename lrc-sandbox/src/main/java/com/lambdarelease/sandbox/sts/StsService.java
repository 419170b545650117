package com.lambdarelease.sandbox.sts;

import com.lambdarelease.sandbox.http.ProtocolHandler;
import com.lambdarelease.sandbox.http.Refusal;
import com.lambdarelease.sandbox.http.SandboxRequest;
import com.lambdarelease.sandbox.http.SandboxResponse;
import com.lambdarelease.sandbox.identity.Caller;
import com.lambdarelease.sandbox.identity.Callers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS over awsQuery: {@code Action=GetCallerIdentity&Version=2011-06-15} form-posted to {@code /}, answered in
 * XML (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html), errors in
 * awsQuery's {@code <ErrorResponse>}. Who the caller is comes from {@link Callers}. GetCallerIdentity needs
 * no permission, so the only refusal is a temporary key the sandbox did not issue.
 */
public final class StsService implements ProtocolHandler {

    public static final String VERSION = "2011-06-15";
    static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern SCOPE_SERVICE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[a-z0-9-]+/([a-z0-9-]+)/aws4_request");

    private final Callers callers;

    public StsService(Callers callers) {
        this.callers = callers;
    }

    /**
     * True for a request to STS: posted to {@code /} and either signed for the {@code sts} service or naming
     * STS's API version (CloudWatch's awsQuery, also posted to {@code /}, says 2010-08-01 and {@code monitoring}).
     */
    public static boolean serves(SandboxRequest request) {
        String path = request.rawPath();
        if (!path.equals("/") && !path.isEmpty()) {
            return false;
        }
        Optional<String> service = request.header("Authorization").map(SCOPE_SERVICE::matcher).filter(Matcher::find)
                .map(m -> m.group(1));
        if (service.isPresent()) {
            return service.get().equals("sts");
        }
        return VERSION.equals(form(request).get("Version"));
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        Map<String, String> form = form(request);
        String action = form.getOrDefault("Action", "");
        if (!action.equals("GetCallerIdentity")) {
            // awsQuery's answer for an action the service does not have (seen in the field; not in the model).
            return error(400, "Sender", "InvalidAction", "Could not find operation " + cut(action)
                    + " for version " + cut(form.getOrDefault("Version", "")));
        }
        Optional<Caller> caller = callers.of(request);
        if (caller.isEmpty()) {
            return invalidToken();
        }
        Caller c = caller.get();
        String xml = "<GetCallerIdentityResponse xmlns=\"" + XMLNS + "\">\n  <GetCallerIdentityResult>\n"
                + "    <Arn>" + escape(c.arn()) + "</Arn>\n    <UserId>" + escape(c.principalId()) + "</UserId>\n"
                + "    <Account>" + c.account() + "</Account>\n  </GetCallerIdentityResult>\n"
                + "  <ResponseMetadata>\n    <RequestId>" + UUID.randomUUID() + "</RequestId>\n  </ResponseMetadata>\n"
                + "</GetCallerIdentityResponse>\n";
        return new SandboxResponse(200, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SandboxResponse refuse(SandboxRequest request, Refusal refusal, long bodyLimit) {
        return switch (refusal) {
            case THROTTLED, OVERLOADED -> error(400, "Sender", "Throttling", "Rate exceeded");
            case SERVER_ERROR -> error(500, "Receiver", "InternalFailure", "The sandbox injected a service error");
            case TOO_LARGE -> error(413, "Sender", "RequestEntityTooLarge", "Request must be smaller than " + bodyLimit + " bytes");
        };
    }

    /** What STS answers for a temporary key it does not know (AWS's text). */
    static SandboxResponse invalidToken() {
        return error(403, "Sender", "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    static SandboxResponse error(int status, String type, String code, String message) {
        String xml = "<ErrorResponse xmlns=\"" + XMLNS + "\">\n  <Error>\n    <Type>" + type + "</Type>\n    <Code>"
                + code + "</Code>\n    <Message>" + escape(message) + "</Message>\n  </Error>\n  <RequestId>"
                + UUID.randomUUID() + "</RequestId>\n</ErrorResponse>\n";
        return new SandboxResponse(status, Map.of("Content-Type", "text/xml", "x-amzn-ErrorType", code),
                xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The query string and the form body together (the SDKs post the form; a GET may carry it in the URL). */
    private static Map<String, String> form(SandboxRequest request) {
        Map<String, String> out = new HashMap<>(request.query());
        if (request.body().length > 0) {
            try {
                out.putAll(SandboxRequest.parseQuery(request.bodyText()));
            } catch (IllegalArgumentException badEscape) {
                // an unreadable form names no action; handled as an unknown one
            }
        }
        return out;
    }

    private static String cut(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
