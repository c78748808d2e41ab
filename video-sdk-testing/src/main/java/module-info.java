/**
 * Video SDK testing kit: {@code FakeVideoProvider} (registered as provider {@code fake}, used only
 * when asked for by name), {@code FakeScript} and {@code VirtualTime}. The fake serves its MP4 from a
 * loopback {@code jdk.httpserver} server.
 */
module dev.videosdk.testing {
    requires transitive dev.videosdk;
    requires jdk.httpserver;

    exports dev.videosdk.testing;

    provides dev.videosdk.spi.VideoProviderFactory with dev.videosdk.testing.FakeVideoProviderFactory;
}
