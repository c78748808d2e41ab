/**
 * Video SDK Micrometer bridge: {@code VideoSdkMetrics} in {@code dev.videosdk.micrometer}.
 *
 * <p>{@code requires transitive}: the constructors take Micrometer's {@code MeterRegistry} and
 * {@code ObservationRegistry}. Micrometer 1.16 ships no module descriptor but stable
 * {@code Automatic-Module-Name}s ({@code micrometer.core}, {@code micrometer.observation}), hence the
 * suppressed automatic-module warnings (ADR 0016).
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.videosdk.micrometer {
    requires transitive dev.videosdk;
    requires transitive micrometer.core;
    requires transitive micrometer.observation;

    exports dev.videosdk.micrometer;
}
