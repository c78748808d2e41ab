package dev.videosdk.kling.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.videosdk.spi.HttpTransport;
import dev.videosdk.spi.ProviderConfig;
import dev.videosdk.spi.ProviderContext;
import dev.videosdk.testing.VirtualTime;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/** A context for calling provider methods that make no HTTP call (parsing, validation). */
record TestContext(VirtualTime time) implements ProviderContext {
    @Override
    public HttpTransport http() {
        throw new UnsupportedOperationException("no HTTP in this test");
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return time.scheduler();
    }

    @Override
    public Clock clock() {
        return time.clock();
    }

    @Override
    public ObjectMapper json() {
        return KlingFixture.JSON;
    }

    @Override
    public ProviderConfig config() {
        return new ProviderConfig("kling", Map.of());
    }

    @Override
    public String userAgent() {
        return "test";
    }
}
