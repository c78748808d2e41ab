/** Video SDK provider module {@code dev.videosdk.runway}: public options in {@code dev.videosdk.runway}; the provider itself is not exported. */
module dev.videosdk.runway {
    requires transitive dev.videosdk;
    requires org.slf4j;

    exports dev.videosdk.runway;

    provides dev.videosdk.spi.VideoProviderFactory with dev.videosdk.runway.internal.RunwayProviderFactory;
}
