package org.vaetexture.store;

import java.util.Arrays;

import com.google.gson.JsonArray;

/** Shapes: read from JSON, checked, reversed between N5's F order and C order, multiplied. */
final class Dims {

	private Dims() {}

	static long[] longs(final JsonArray json) {
		final long[] a = new long[json.size()];
		for (int d = 0; d < a.length; d++)
			a[d] = json.get(d).getAsLong();
		return a;
	}

	static int[] ints(final JsonArray json) {
		final int[] a = new int[json.size()];
		for (int d = 0; d < a.length; d++)
			a[d] = json.get(d).getAsInt();
		return a;
	}

	static long[] longs(final int[] ints) {
		return Arrays.stream(ints).asLongStream().toArray();
	}

	static long[] reversed(final long[] a) {
		final long[] r = new long[a.length];
		for (int d = 0; d < a.length; d++)
			r[d] = a[a.length - 1 - d];
		return r;
	}

	static int[] reversed(final int[] a) {
		final int[] r = new int[a.length];
		for (int d = 0; d < a.length; d++)
			r[d] = a[a.length - 1 - d];
		return r;
	}

	static long product(final int[] shape) {
		long p = 1;
		for (final int s : shape)
			p *= s;
		return p;
	}

	/**
	 * @throws IllegalArgumentException unless both have the same, nonzero length, sizes are not
	 *           negative and chunk sizes positive
	 */
	static void require(final long[] shape, final int[] chunks) {
		boolean valid = shape.length > 0 && shape.length == chunks.length;
		for (int d = 0; valid && d < shape.length; d++)
			valid = shape[d] >= 0 && chunks[d] > 0;
		if (!valid) throw new IllegalArgumentException("shape " + Arrays.toString(shape) +
			" and chunks " + Arrays.toString(chunks) + " do not fit");
	}
}
