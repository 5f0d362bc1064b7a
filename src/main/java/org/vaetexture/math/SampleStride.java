package org.vaetexture.math;

/**
 * Regular subsamples of pixels taken in row order, one in every k: the k that keeps at most a given
 * number, and the k that reaches every column of an image alike.
 */
public final class SampleStride {

	private SampleStride() {}

	/** The least k that keeps at most {@code most} of {@code count} pixels (plus one per pass). */
	public static long atMost(final long count, final int most) {
		return Math.max(1, (count + most - 1) / most);
	}

	/**
	 * The least k from {@code stride} up that shares no factor with the image's width, so that one
	 * pixel in k in row order falls in every column alike (a k that is a multiple of the width took
	 * every sample from a few columns: from one edge of a 1024-wide stack of 1024 planes).
	 */
	public static long acrossColumns(final long stride, final int width) {
		long s = stride;
		while (s > 1 && gcd(s, width) != 1)
			s++;
		return s;
	}

	private static long gcd(final long a, final long b) {
		return b == 0 ? a : gcd(b, a % b);
	}
}
