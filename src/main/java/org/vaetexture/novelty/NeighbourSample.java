package org.vaetexture.novelty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A fixed-size sample of training pixels' descriptors: the pixels whose position (image, plane,
 * x, y) hashes lowest, so the sample is the same whatever order and size of blocks the pixels come
 * in. The candidates that the novelty score's neighbours are chosen among are drawn this way.
 */
final class NeighbourSample {

	/** A kept pixel: its position's hash and its descriptor. */
	private static final class Pixel {

		final long hash;
		final float[] descriptor;

		Pixel(final long hash, final float[] descriptor) {
			this.hash = hash;
			this.descriptor = descriptor;
		}
	}

	private final int capacity;
	/** The kept pixels, highest hash first (the one to drop when a lower one comes). */
	private final PriorityQueue<Pixel> kept = new PriorityQueue<>(Comparator.comparingLong(
		(Pixel p) -> p.hash).reversed());

	NeighbourSample(final int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Offers the pixels of a block's descriptor [D][w h] (row-major, origin x0, y0) whose row is
	 * wanted.
	 */
	void offer(final float[][] descriptor, final int image, final int plane, final long x0,
		final long y0, final int w, final int h, final java.util.function.LongPredicate row)
	{
		for (int y = 0; y < h; y++) {
			if (!row.test(y0 + y)) continue;
			for (int x = 0; x < w; x++) {
				final long hash = hash(image, plane, x0 + x, y0 + y);
				if (kept.size() == capacity && hash >= kept.peek().hash) continue;
				final float[] column = new float[descriptor.length];
				for (int a = 0; a < column.length; a++)
					column[a] = descriptor[a][y * w + x];
				kept.add(new Pixel(hash, column));
				if (kept.size() > capacity) kept.poll();
			}
		}
	}

	/** A sample of both samples' pixels together (the lowest hashes of the two). */
	static NeighbourSample union(final NeighbourSample a, final NeighbourSample b) {
		final NeighbourSample u = new NeighbourSample(a.capacity);
		for (final NeighbourSample s : List.of(a, b))
			for (final Pixel p : s.kept) {
				u.kept.add(p);
				if (u.kept.size() > u.capacity) u.kept.poll();
			}
		return u;
	}

	/**
	 * The sample whitened, W (d - m) for each pixel, in the order of their hashes: row-major K x D.
	 *
	 * @param whitening row-major D x D, lower-triangular
	 */
	float[] whitened(final float[] mean, final float[] whitening) {
		final List<Pixel> pixels = new ArrayList<>(kept);
		pixels.sort(Comparator.comparingLong(p -> p.hash));
		final int d = mean.length;
		final float[] out = new float[pixels.size() * d];
		final double[] centred = new double[d];
		for (int k = 0; k < pixels.size(); k++) {
			final float[] v = pixels.get(k).descriptor;
			for (int a = 0; a < d; a++)
				centred[a] = v[a] - mean[a];
			for (int a = 0; a < d; a++) {
				double s = 0;
				for (int b = 0; b <= a; b++) // W is lower-triangular
					s += whitening[a * d + b] * centred[b];
				out[k * d + a] = (float) s;
			}
		}
		return out;
	}

	/** SplitMix64 of the position: a well-mixed 64-bit value, the same on every run. */
	private static long hash(final int image, final int plane, final long x, final long y) {
		long z = ((long) image * 0x9E3779B97F4A7C15L) ^ ((long) plane << 48) ^ (y << 24) ^ x;
		z += 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
