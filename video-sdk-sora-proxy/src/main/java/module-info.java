/** Video SDK provider module {@code dev.videosdk.soraproxy}: public options in {@code dev.videosdk.soraproxy}; the provider itself is not exported. */
module dev.videosdk.soraproxy {
    requires transitive dev.videosdk;
    requires org.slf4j;

    exports dev.videosdk.soraproxy;

    provides dev.videosdk.spi.VideoProviderFactory with dev.videosdk.soraproxy.internal.SoraProxyProviderFactory;
}
