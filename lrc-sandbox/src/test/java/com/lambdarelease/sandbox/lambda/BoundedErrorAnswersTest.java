package com.lambdarelease.sandbox.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals stay small and AWS-shaped whatever the client sent. */
class BoundedErrorAnswersTest {

    private final LambdaSandboxFixture fixture = new LambdaSandboxFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTenMegabyteDescriptionGetsAValidationErrorEchoingOnlyAPrefix() {
        String description = "d".repeat(10 * 1024 * 1024);
        HttpResponse<String> r = fixture.raw("PUT", "/2015-03-31/functions/MyLambdaFunction/configuration",
                "{\"Description\":\"" + description + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
        assertThat(r.body()).contains("at 'description' failed to satisfy constraint: "
                + "Member must have length less than or equal to 256");
        assertThat(r.body().length()).isLessThan(4_000);
    }

    @Test
    void aBodyOverTheLimitGetsLambdasRequestEntityTooLargeException() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.sandbox.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /2015-03-31/functions/MyLambdaFunction/invocations HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 200000000\r\n\r\n{\"a\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("x-amzn-ErrorType: RequestEntityTooLargeException")
                    .contains("\"__type\":\"RequestEntityTooLargeException\"")
                    .contains("bytes for the InvokeFunction operation");
        }
    }
}
