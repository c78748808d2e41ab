/** Video SDK provider module {@code dev.videosdk.veo}: public options in {@code dev.videosdk.veo}; the provider itself is not exported. */
module dev.videosdk.veo {
    requires transitive dev.videosdk;
    requires org.slf4j;

    exports dev.videosdk.veo;

    provides dev.videosdk.spi.VideoProviderFactory with dev.videosdk.veo.internal.GeminiVeoProviderFactory,
            dev.videosdk.veo.internal.VertexVeoProviderFactory;
}
