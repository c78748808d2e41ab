/**
 * Video SDK media: {@code Ffmpeg} (FFmpeg run as a process) and {@code VideoStorage} on local disk or S3,
 * in {@code dev.videosdk.media}.
 *
 * <p>The AWS SDK v2 is optional ({@code requires static}): only {@code S3VideoStorage} uses it, and its
 * builder takes an {@code S3AsyncClient} and an {@code S3Presigner}, so the S3 module is also
 * {@code transitive} for code that compiles against it. A modular application that stores on S3
 * adds {@code requires software.amazon.awssdk.services.s3;} itself (a static dependency is not resolved
 * at run time on its own). The AWS jars ship no descriptor but stable {@code Automatic-Module-Name}s,
 * hence the suppressed warnings (ADR 0016).
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.videosdk.media {
    requires transitive dev.videosdk;
    requires org.slf4j;
    requires java.desktop; // javax.imageio and java.awt.image read thumbnails and sampled frames
    requires static transitive software.amazon.awssdk.services.s3;
    requires static software.amazon.awssdk.core;
    requires static software.amazon.awssdk.awscore;
    requires static software.amazon.awssdk.regions;
    requires static software.amazon.awssdk.auth;

    exports dev.videosdk.media;
}
