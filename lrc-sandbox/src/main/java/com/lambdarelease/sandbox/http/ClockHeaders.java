package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.SandboxClock;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Stamps every answer, as it leaves, with the sandbox's clock: {@value #TIME} (its instant, ISO-8601)
 * and {@value #SPEED} (how many of its seconds pass in a real second). A client that reaches the sandbox
 * as an endpoint reads them to run on the time its metrics and log events are stamped with. AWS's own
 * clients ignore headers they do not model, so the answers stay AWS's. Stamped on the way out, after any
 * delay the answer was held for, so the instant is the one the client receives.
 */
@ChannelHandler.Sharable
final class ClockHeaders extends ChannelOutboundHandlerAdapter {

    static final String TIME = "x-sandbox-time";
    static final String SPEED = "x-sandbox-speed";

    private final SandboxClock clock;

    ClockHeaders(SandboxClock clock) {
        this.clock = clock;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response) {
            response.headers().set(TIME, clock.instant().toString());
            response.headers().set(SPEED, Double.toString(clock.speed()));
        }
        super.write(ctx, msg, promise);
    }
}
