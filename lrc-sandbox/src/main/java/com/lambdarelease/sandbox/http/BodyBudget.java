package com.lambdarelease.sandbox.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One budget of request-body bytes for all connections together. A request reserves its declared
 * Content-Length when its headers arrive (a chunked one, each chunk as it comes) and gives the
 * bytes back when it is answered or its connection closes. A request that would go past the
 * budget is refused with its protocol's 429 and its connection closed, so a hundred connections
 * each holding an unfinished 4 MB body cannot grow the heap without bound.
 */
final class BodyBudget {

    private final long maxBytes;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    private boolean tryReserve(ConnectionState state, long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > maxBytes) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        state.heldBodyBytes += bytes;
        return true;
    }

    /** Gives back what {@code state}'s connection holds. Idempotent. */
    void release(ConnectionState state) {
        if (state.heldBodyBytes > 0) {
            held.addAndGet(-state.heldBodyBytes);
            state.heldBodyBytes = 0;
        }
    }

    long heldBytes() {
        return held.get();
    }

    /** The per-connection handler between the codec and the aggregator. */
    static final class Gate extends ChannelInboundHandlerAdapter {
        private final BodyBudget budget;
        private final ConnectionState state;
        private final SandboxRouter router;
        private final long maxRequestBytes;
        private HttpRequest current;
        private boolean declared;
        private boolean refused;

        Gate(BodyBudget budget, ConnectionState state, SandboxRouter router, long maxRequestBytes) {
            this.budget = budget;
            this.state = state;
            this.router = router;
            this.maxRequestBytes = maxRequestBytes;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request) {
                current = request;
                if (request.decoderResult().isFailure()) {
                    declared = true; // not HTTP: the exchange answers 400 and hangs up
                    ctx.fireChannelRead(msg);
                    return;
                }
                long length;
                try {
                    length = HttpUtil.getContentLength(request, -1L);
                } catch (NumberFormatException garbled) {
                    length = -1;
                }
                declared = length >= 0;
                // Over the per-request limit is the aggregator's 413, not a budget matter.
                if (length > 0 && length <= maxRequestBytes && !budget.tryReserve(state, length)) {
                    refuse(ctx, msg);
                    return;
                }
            }
            if (msg instanceof HttpContent content && !declared && current != null
                    && !budget.tryReserve(state, content.content().readableBytes())) {
                refuse(ctx, msg);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private void refuse(ChannelHandlerContext ctx, Object msg) {
            refused = true;
            ReferenceCountUtil.release(msg);
            budget.release(state);
            SandboxHttpServer.refuseEarly(ctx, router, current, Refusal.OVERLOADED);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            budget.release(state);
            ctx.fireChannelInactive();
        }
    }
}
