package dev.videosdk;

/** A preset that tells a {@link PromptRefiner} what kind of video the prompt is for. */
public enum PromptUseCase {
    /** A product shown in motion for a shop or advert. */
    PRODUCT_VIDEO,
    /** A wide, striking opening shot for a web page. */
    HERO_SHOT,
    /** A macro shot of a gemstone or jewel: light, facets, sparkle. */
    GEMSTONE_CLOSE_UP,
    /** A restrained, premium brand film. */
    LUXURY_BRAND,
    /** No particular purpose. */
    GENERAL
}
