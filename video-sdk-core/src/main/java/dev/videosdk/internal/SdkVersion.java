package dev.videosdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, from the build. */
public final class SdkVersion {
    private static final String VERSION = load();

    private SdkVersion() {
    }

    /** e.g. {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    /** e.g. {@code video-sdk-java/0.1.0 (Java 17.0.15)}. */
    public static String userAgent() {
        return "video-sdk-java/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
