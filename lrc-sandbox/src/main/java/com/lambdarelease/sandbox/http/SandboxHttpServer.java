package com.lambdarelease.sandbox.http;

import com.lambdarelease.sandbox.FrontDoorLimits;
import com.lambdarelease.sandbox.SandboxClock;
import com.lambdarelease.sandbox.SandboxOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The sandbox's front door: an HTTP/1.1 server on 127.0.0.1 only, built on Netty (already on the
 * class path for the SDK's async client). Each request is read whole, handed to a fixed pool of
 * workers through a bounded queue, routed by {@link SandboxRouter}, and answered on the
 * connection's event loop. Nothing a client does costs a thread: a slow answer (a slow function,
 * an injected latency L, a latency spike) waits on the event loop's timer, a full queue is
 * answered 429 at once, and the bytes of unfinished bodies are counted against one global budget
 * ({@link FrontDoorLimits}). A connection idle with nothing in flight, or slower than the read
 * timeout to deliver a request, is closed. One request per connection is in flight at a time, so
 * answers never overtake each other. Every answer says the sandbox's clock ({@link ClockHeaders}).
 */
public final class SandboxHttpServer {

    private static final Logger LOG = Logger.getLogger(SandboxHttpServer.class.getName());

    private final Channel channel;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final ThreadPoolExecutor workers;

    private SandboxHttpServer(Channel channel, EventLoopGroup acceptor, EventLoopGroup io, ThreadPoolExecutor workers) {
        this.channel = channel;
        this.acceptor = acceptor;
        this.io = io;
        this.workers = workers;
    }

    /** A front door without CloudWatch Logs: its requests get an awsJson UnknownOperationException. */
    public static SandboxHttpServer start(SandboxOptions options, SandboxClock clock, ProtocolHandler lambda,
                                          ProtocolHandler cloudWatch, RandomGenerator random) throws IOException {
        return start(options, clock, lambda, cloudWatch, request -> SandboxRouter.awsJsonError(request,
                "UnknownOperationException", "This sandbox serves no CloudWatch Logs"), SandboxRouter.NO_IDENTITY_CENTER,
                random);
    }

    /**
     * The whole front door: Lambda, CloudWatch, CloudWatch Logs and IAM Identity Center's sign-in requests,
     * each answer stamped with {@code clock}.
     */
    public static SandboxHttpServer start(SandboxOptions options, SandboxClock clock, ProtocolHandler lambda,
                                          ProtocolHandler cloudWatch, ProtocolHandler logs,
                                          ProtocolHandler identityCenter, RandomGenerator random) throws IOException {
        return start(options, clock, lambda, cloudWatch, logs, identityCenter, AuditServices.NONE, random);
    }

    /** The whole front door with STS and CloudTrail ({@code audit}) too. */
    public static SandboxHttpServer start(SandboxOptions options, SandboxClock clock, ProtocolHandler lambda,
                                          ProtocolHandler cloudWatch, ProtocolHandler logs,
                                          ProtocolHandler identityCenter, AuditServices audit,
                                          RandomGenerator random) throws IOException {
        FrontDoorLimits limits = options.limits();
        SandboxRouter router = new SandboxRouter(options, lambda, cloudWatch, logs, identityCenter, random, audit);
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("sandbox-accept", true));
        EventLoopGroup io = new NioEventLoopGroup(2, new DefaultThreadFactory("sandbox-io", true));
        BlockingQueue<Runnable> queue = limits.queuedRequests() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(limits.queuedRequests());
        ThreadPoolExecutor workers = new ThreadPoolExecutor(limits.workerThreads(), limits.workerThreads(),
                0, TimeUnit.SECONDS, queue, new DefaultThreadFactory("sandbox-http", true),
                new ThreadPoolExecutor.AbortPolicy());
        BodyBudget budget = new BodyBudget(limits.maxBufferedBodyBytes());
        long latencyNanos = options.requestLatency().toNanos();
        long idleNanos = limits.idleTimeout().toNanos();
        ClockHeaders clockHeaders = new ClockHeaders(clock);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ConnectionState state = new ConnectionState();
                        ch.pipeline().addLast(
                                new IdleStateHandler(0, 0, idleNanos, TimeUnit.NANOSECONDS),
                                new ConnectionGuard(state, limits.requestReadTimeout().toNanos()),
                                new HttpServerCodec(), new HttpServerExpectContinueHandler(), clockHeaders,
                                new BodyBudget.Gate(budget, state, router, limits.maxRequestBodyBytes()),
                                new BoundedAggregator(router, limits.maxRequestBodyBytes()),
                                new Exchange(router, workers, latencyNanos, state, budget));
                    }
                });
        try {
            Channel channel = bootstrap.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()))
                    .sync().channel();
            return new SandboxHttpServer(channel, acceptor, io, workers);
        } catch (Exception e) {
            acceptor.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            io.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            workers.shutdownNow();
            throw new IOException("Could not bind 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public void stop() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.shutdownNow(); // first, so fewer answers are still on their way to a loop that is shutting down
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /**
     * Reads each request whole, up to {@code maxBytes}; a bigger one is answered with its protocol's
     * 413 (Lambda: RequestEntityTooLargeException, in the body and x-amzn-ErrorType) and the
     * connection closed, so the rest of the body is never read.
     */
    private static final class BoundedAggregator extends HttpObjectAggregator {
        private final SandboxRouter router;
        private final int maxBytes;

        BoundedAggregator(SandboxRouter router, int maxBytes) {
            super(maxBytes);
            this.router = router;
            this.maxBytes = maxBytes;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            if (!(oversized instanceof HttpRequest http)) {
                ctx.close();
                return;
            }
            Exchange.send(ctx, router.refuse(Exchange.toRequest(http, new byte[0]), Refusal.TOO_LARGE, maxBytes),
                    false, HttpMethod.HEAD.equals(http.method()));
        }
    }

    /** One connection's requests, answered in order. */
    private static final class Exchange extends SimpleChannelInboundHandler<FullHttpRequest> {
        /** How early the event loop's millisecond timer is set before an answer is due (see sendAt). */
        private static final long TIMER_LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
        private final SandboxRouter router;
        private final ThreadPoolExecutor workers;
        private final long latencyNanos;
        private final ConnectionState state;
        private final BodyBudget budget;

        Exchange(SandboxRouter router, ThreadPoolExecutor workers, long latencyNanos, ConnectionState state,
                 BodyBudget budget) {
            this.router = router;
            this.workers = workers;
            this.latencyNanos = latencyNanos;
            this.state = state;
            this.budget = budget;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
            long arrived = System.nanoTime();
            state.requestArrived();
            boolean keepAlive = HttpUtil.isKeepAlive(http);
            boolean head = HttpMethod.HEAD.equals(http.method());
            if (http.decoderResult().isFailure()) {
                // Not even HTTP: answer in AWS's shape and hang up, as a load balancer would.
                send(ctx, SandboxRouter.restJsonError(400, "InvalidRequestContentException",
                        "Could not read the HTTP request: " + http.decoderResult().cause().getMessage()), false, head);
                return;
            }
            SandboxRequest request = toRequest(http);
            ctx.channel().config().setAutoRead(false);
            try {
                workers.execute(() -> {
                    SandboxResponse response = answer(request);
                    long sendAt = Math.max(arrived + latencyNanos, System.nanoTime() + response.delay().toNanos());
                    try {
                        ctx.executor().execute(() -> sendAt(ctx, response, keepAlive, head, sendAt));
                    } catch (RejectedExecutionException stopping) {
                        // The sandbox is stopping and its event loops are gone: the connection closes unanswered.
                        LOG.log(Level.FINE, "answer dropped: the sandbox is stopping", stopping);
                    }
                });
            } catch (RejectedExecutionException full) {
                // Every worker busy and the queue full: say so now rather than queue without bound.
                sendAt(ctx, router.refuse(request, Refusal.OVERLOADED, 0), keepAlive, head, arrived + latencyNanos);
            }
        }

        /**
         * Sends on the event loop at {@code sendAtNanos}: a timer holds a slow answer, no thread does. NIO's
         * selector sleeps in whole milliseconds rounded up, which sent a 20 ms answer after 21.6 ms on average
         * (1.6 ms a page, 0.3 s of a 200-page listing, counted against every client). So the timer is set
         * {@link #TIMER_LEAD_NANOS} early and the last fraction of a millisecond is parked precisely, a bounded
         * wait on the loop.
         */
        private void sendAt(ChannelHandlerContext ctx, SandboxResponse response, boolean keepAlive, boolean head,
                            long sendAtNanos) {
            Runnable go = () -> {
                long early = sendAtNanos - System.nanoTime();
                if (early > 0) {
                    LockSupport.parkNanos(Math.min(early, TIMER_LEAD_NANOS));
                }
                budget.release(state);
                state.answered();
                send(ctx, response, keepAlive, head);
            };
            long wait = sendAtNanos - TIMER_LEAD_NANOS - System.nanoTime();
            if (wait > 0) {
                ctx.executor().schedule(go, wait, TimeUnit.NANOSECONDS);
            } else {
                go.run();
            }
        }

        private SandboxResponse answer(SandboxRequest request) {
            try {
                return router.route(request);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sandbox handler failed", e);
                return SandboxRouter.restJsonError(500, "ServiceException", "Internal error in the sandbox: " + e);
            }
        }

        static void send(ChannelHandlerContext ctx, SandboxResponse response, boolean keepAlive, boolean head) {
            if (!ctx.channel().isActive()) {
                return;
            }
            FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.status()),
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
            response.headers().forEach((k, v) -> http.headers().set(k, v));
            if (!http.headers().contains("x-amzn-RequestId")) { // a handler that recorded its request id keeps it
                http.headers().set("x-amzn-RequestId", UUID.randomUUID().toString());
            }
            http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
            if (keepAlive) {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(http).addListener(f -> ctx.channel().config().setAutoRead(true));
            } else {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(Level.FINE, "sandbox connection failed", cause);
            ctx.close();
        }

        private static SandboxRequest toRequest(FullHttpRequest http) {
            return toRequest(http, ByteBufUtil.getBytes(http.content()));
        }

        static SandboxRequest toRequest(HttpRequest http, byte[] body) {
            String uri = http.uri();
            int q = uri.indexOf('?');
            String rawPath = q < 0 ? uri : uri.substring(0, q);
            String rawQuery = q < 0 ? null : uri.substring(q + 1);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            http.headers().forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return new SandboxRequest(http.method().name(), rawPath, SandboxRequest.parseQuery(rawQuery), headers, body, rawQuery);
        }
    }

    /** Refusals sent before the request reached the exchange (the body budget ran out). */
    static void refuseEarly(ChannelHandlerContext ctx, SandboxRouter router, HttpRequest http, Refusal refusal) {
        Exchange.send(ctx, router.refuse(Exchange.toRequest(http, new byte[0]), refusal, 0), false,
                HttpMethod.HEAD.equals(http.method()));
    }
}
