package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.Sandbox;
import com.lambdarelease.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's front door: loopback only, AWS-shaped answers to anything it does not understand. */
class FrontDoorTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.forTests());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void itListensOnLoopbackOnly() {
        assertThat(sandbox.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void anUnknownPathGetsAnAwsShaped404() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/no/such/thing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(r.body()).contains("\"Message\":\"Unknown operation GET /no/such/thing\"");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void bytesThatAreNotHttpGetAnAwsShaped400NotAStackTrace() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /2015-03-31/functions/ HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("InvalidRequestContentException")
                    .doesNotContain("Exception:").doesNotContain("\tat ");
        }
    }
}
