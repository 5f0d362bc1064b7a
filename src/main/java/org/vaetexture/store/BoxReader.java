package org.vaetexture.store;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Assembles a box of an array from its chunks: each chunk the box touches is loaded once, and its
 * part of the box is copied row by row.
 */
final class BoxReader {

	private BoxReader() {}

	/**
	 * @param loader gives the chunk at a chunk index, or null where it does not exist
	 * @throws IllegalArgumentException if the box does not lie inside the array
	 */
	static float[] read(final long[] shape, final int[] chunkShape, final float fill,
		final long[] offset, final int[] size, final Function<long[], Block> loader)
	{
		final int n = shape.length;
		requireInside(shape, offset, size);
		final long[] end = new long[n];
		final long[] firstChunk = new long[n];
		final long[] endChunk = new long[n];
		final int[] outStride = strides(size);
		long total = 1;
		for (int d = 0; d < n; d++) {
			end[d] = offset[d] + size[d];
			firstChunk[d] = offset[d] / chunkShape[d];
			endChunk[d] = (end[d] + chunkShape[d] - 1) / chunkShape[d];
			total *= size[d];
		}
		if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("box of " + total +
			" values is too large to read at once");
		final float[] out = new float[(int) total];
		if (fill != 0) Arrays.fill(out, fill);
		if (total == 0) return out;
		final long[] chunk = firstChunk.clone();
		final long[] origin = new long[n];
		final long[] lo = new long[n];
		final long[] hi = new long[n];
		do {
			final Block block = loader.apply(chunk.clone());
			if (block == null) continue;
			boolean empty = false;
			for (int d = 0; d < n; d++) {
				origin[d] = chunk[d] * chunkShape[d];
				lo[d] = Math.max(offset[d], origin[d]);
				hi[d] = Math.min(end[d], origin[d] + Math.min(block.shape[d], chunkShape[d]));
				empty |= hi[d] <= lo[d];
			}
			if (!empty) copy(block, origin, lo, hi, out, offset, outStride);
		}
		while (next(chunk, firstChunk, endChunk, n));
		return out;
	}

	/** Copies the box [lo, hi) of a block at {@code origin} into {@code out}, one row at a time. */
	private static void copy(final Block block, final long[] origin, final long[] lo,
		final long[] hi, final float[] out, final long[] offset, final int[] outStride)
	{
		final int n = lo.length;
		final int[] blockStride = strides(block.shape);
		final int run = (int) (hi[n - 1] - lo[n - 1]);
		final long[] row = lo.clone();
		do {
			int src = 0;
			int dst = 0;
			for (int d = 0; d < n; d++) {
				src += (int) (row[d] - origin[d]) * blockStride[d];
				dst += (int) (row[d] - offset[d]) * outStride[d];
			}
			System.arraycopy(block.values, src, out, dst, run);
		}
		while (next(row, lo, hi, n - 1));
	}

	/** Steps {@code pos} through [lo, hi) in its first {@code dims} dimensions, last fastest. */
	private static boolean next(final long[] pos, final long[] lo, final long[] hi, final int dims) {
		for (int d = dims - 1; d >= 0; d--) {
			if (++pos[d] < hi[d]) return true;
			pos[d] = lo[d];
		}
		return false;
	}

	/** C-order strides of a shape. */
	private static int[] strides(final int[] shape) {
		final int[] stride = new int[shape.length];
		int s = 1;
		for (int d = shape.length - 1; d >= 0; d--) {
			stride[d] = s;
			s *= shape[d];
		}
		return stride;
	}

	private static void requireInside(final long[] shape, final long[] offset, final int[] size) {
		boolean inside = offset.length == shape.length && size.length == shape.length;
		for (int d = 0; inside && d < shape.length; d++)
			inside = offset[d] >= 0 && size[d] >= 0 && offset[d] + size[d] <= shape[d];
		if (!inside) throw new IllegalArgumentException("box at " + Arrays.toString(offset) +
			" of size " + Arrays.toString(size) + " is not inside the array of shape " + Arrays
				.toString(shape));
	}
}
