package com.lambdarelease.sandbox.http;

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
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The sandbox's front door: an HTTP/1.1 server on 127.0.0.1 only, built on Netty (already on the
 * class path for the SDK's async client). Each request is read whole, handed to a worker thread
 * (handlers may sleep, as a slow Lambda version does), routed by {@link SandboxRouter}, and
 * answered on the connection's event loop. An injected latency L is a floor on the round trip
 * (processing included, as with a remote endpoint), so the answer leaves as close to L after
 * arrival as the machine allows. One request per connection is in flight at a time, so answers
 * never overtake each other.
 */
public final class SandboxHttpServer {

    private static final Logger LOG = Logger.getLogger(SandboxHttpServer.class.getName());
    /** Lambda accepts 50 MB zipped code inline (base64 makes it larger); anything above is refused. */
    private static final int MAX_BODY_BYTES = 96 * 1024 * 1024;

    private final Channel channel;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final ExecutorService workers;

    private SandboxHttpServer(Channel channel, EventLoopGroup acceptor, EventLoopGroup io, ExecutorService workers) {
        this.channel = channel;
        this.acceptor = acceptor;
        this.io = io;
        this.workers = workers;
    }

    public static SandboxHttpServer start(SandboxOptions options, ProtocolHandler lambda, ProtocolHandler cloudWatch,
                                          RandomGenerator random) throws IOException {
        SandboxRouter router = new SandboxRouter(options, lambda, cloudWatch, random);
        EventLoopGroup acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("sandbox-accept", true));
        EventLoopGroup io = new NioEventLoopGroup(2, new DefaultThreadFactory("sandbox-io", true));
        ExecutorService workers = Executors.newCachedThreadPool(new DefaultThreadFactory("sandbox-http", true));
        long latencyNanos = options.requestLatency().toNanos();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
                                new BoundedAggregator(router, MAX_BODY_BYTES),
                                new Exchange(router, workers, latencyNanos));
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
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownNow();
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
            SandboxRequest head = Exchange.toRequest(http, new byte[0]);
            Exchange.send(ctx, router.refuse(head, Refusal.TOO_LARGE, maxBytes), false,
                    HttpMethod.HEAD.equals(http.method()));
        }
    }

    /** One connection's requests, answered in order. */
    private static final class Exchange extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final SandboxRouter router;
        private final ExecutorService workers;
        private final long latencyNanos;

        Exchange(SandboxRouter router, ExecutorService workers, long latencyNanos) {
            this.router = router;
            this.workers = workers;
            this.latencyNanos = latencyNanos;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest http) {
            long arrived = System.nanoTime();
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
            workers.execute(() -> {
                SandboxResponse response = answer(request);
                waitUntil(arrived + latencyNanos);
                ctx.executor().execute(() -> send(ctx, response, keepAlive, head));
            });
        }

        /**
         * Parks the worker until the latency floor is reached. Parking is precise to a fraction of
         * a millisecond here, where an event-loop timer rounds up to the next whole millisecond.
         */
        private static void waitUntil(long deadlineNanos) {
            long left;
            while ((left = deadlineNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
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
            FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.status()),
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
            response.headers().forEach((k, v) -> http.headers().set(k, v));
            http.headers().set("x-amzn-RequestId", UUID.randomUUID().toString());
            http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
            if (keepAlive) {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(http).addListener(f -> ctx.channel().config().setAutoRead(true));
            } else {
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
            return new SandboxRequest(http.method().name(), rawPath, SandboxRequest.parseQuery(rawQuery), headers, body);
        }
    }
}
