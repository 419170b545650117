package com.lambdarelease.sandbox.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

import java.util.concurrent.TimeUnit;

/**
 * Closes connections that hold the sandbox without using it: one idle past the idle timeout with
 * no request in flight (a slow Invoke's connection is waiting on us, not idle), and one that
 * started a request but did not finish sending it within the read timeout (a half-sent request,
 * or a sender trickling a byte at a time). Sits before the HTTP codec, so it sees raw bytes.
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    private final ConnectionState state;
    private final long readTimeoutNanos;

    ConnectionGuard(ConnectionState state, long readTimeoutNanos) {
        this.state = state;
        this.readTimeoutNanos = readTimeoutNanos;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state.startsRequest()) {
            state.armReadDeadline(ctx.executor().schedule(() -> {
                if (!state.inFlight()) {
                    ctx.close();
                }
            }, readTimeoutNanos, TimeUnit.NANOSECONDS));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (!state.inFlight()) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state.cancelDeadline();
        ctx.fireChannelInactive();
    }
}
