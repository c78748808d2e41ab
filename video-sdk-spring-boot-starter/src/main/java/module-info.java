/**
 * Video SDK Spring Boot 4 auto-configuration, in {@code dev.videosdk.spring}.
 *
 * <p>{@code requires transitive}: the auto-configurations' public bean methods, the properties classes and
 * the webhook controller carry Spring's annotations and types ({@code ObjectProvider}, {@code ResponseEntity},
 * {@code HealthIndicator}, {@code DataSource}) and the optional modules' types ({@code VideoQueue},
 * {@code Ffmpeg}, {@code VideoStorage}, {@code VideoSdkMetrics}). Micrometer, the durable queue, media, Spring
 * MVC ({@code spring.web}), the health API and JDBC are {@code requires static}: each part is configured only
 * when the application has that jar.
 *
 * <p>{@code opens dev.videosdk.spring}: Spring creates the auto-configurations, binds the
 * {@code @ConfigurationProperties} classes and calls the webhook controller by reflection. Spring Boot 4 and
 * Spring Framework 7 ship no module descriptors but stable {@code Automatic-Module-Name}s
 * ({@code spring.boot.autoconfigure}, …), hence the suppressed warnings (ADR 0016). Spring Boot applications
 * usually run on the class path, where this descriptor is ignored.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.videosdk.spring {
    requires transitive dev.videosdk;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.boot;
    requires transitive spring.beans;
    requires transitive spring.context;
    requires transitive spring.core;
    requires org.slf4j;
    requires static transitive java.sql;
    requires static transitive dev.videosdk.micrometer;
    requires static transitive dev.videosdk.jobs;
    requires static transitive dev.videosdk.media;
    requires static transitive spring.web;
    requires static transitive spring.boot.health;

    exports dev.videosdk.spring;
    opens dev.videosdk.spring;
}
