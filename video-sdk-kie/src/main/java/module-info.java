/** Video SDK provider module {@code dev.videosdk.kie}: public options in {@code dev.videosdk.kie}; the provider itself is not exported. */
module dev.videosdk.kie {
    requires transitive dev.videosdk;
    requires org.slf4j;

    exports dev.videosdk.kie;

    provides dev.videosdk.spi.VideoProviderFactory with dev.videosdk.kie.internal.KieProviderFactory;
}
