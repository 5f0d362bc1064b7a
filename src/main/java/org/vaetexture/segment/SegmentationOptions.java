package org.vaetexture.segment;

import org.vaetexture.Defaults;

/**
 * How to fit texture classes: how many, the smoothing radius of the features (negative: 3/4 of the
 * tile size) and the seed of the pixel sample; {@link TextureSegmentation#fit} checks them.
 * Immutable; each {@code with} method returns a copy.
 */
public final class SegmentationOptions {

	private final int classes, smoothing;
	private final long seed;

	private SegmentationOptions(final int classes, final int smoothing, final long seed) {
		this.classes = classes;
		this.smoothing = smoothing;
		this.seed = seed;
	}

	/** {@link Defaults#TEXTURE_CLASSES} classes, default smoothing and seed. */
	public static SegmentationOptions defaults() {
		return new SegmentationOptions(Defaults.TEXTURE_CLASSES, Defaults.SMOOTHING, Defaults.SEED);
	}

	/** @param k texture classes, from 2 to 255 */
	public SegmentationOptions withClasses(final int k) {
		return new SegmentationOptions(k, smoothing, seed);
	}

	/** @param radius in pixels; negative for 3/4 of the tile size */
	public SegmentationOptions withSmoothing(final int radius) {
		return new SegmentationOptions(classes, radius, seed);
	}

	public SegmentationOptions withSeed(final long s) {
		return new SegmentationOptions(classes, smoothing, s);
	}

	public int classes() {
		return classes;
	}

	public int smoothing() {
		return smoothing;
	}

	public long seed() {
		return seed;
	}
}
