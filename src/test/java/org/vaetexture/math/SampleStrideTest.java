package org.vaetexture.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One pixel in k, in row order: at most so many, and across every column. */
class SampleStrideTest {

	@Test
	void atMostKeepsAtMostTheSamplesAndNoFewerThanNeeded() {
		final int most = 1000;
		for (final long pixels : new long[] { 1, 999, 1000, 1001, 1999, 2000, 2001, 123_457 }) {
			final long stride = SampleStride.atMost(pixels, most);
			// one pixel in every stride, from the first
			final long kept = (pixels + stride - 1) / stride;
			assertTrue(kept <= most, pixels + " pixels, one in " + stride + ": " + kept + " kept");
			assertTrue(stride == 1 || (pixels + stride - 2) / (stride - 1) > most, pixels +
				" pixels: one in " + (stride - 1) + " would do");
		}
	}

	@Test
	void acrossColumnsSharesNoFactorWithTheWidth() {
		assertEquals(3, SampleStride.acrossColumns(2, 2));
		assertEquals(1025, SampleStride.acrossColumns(1024, 1024));
		assertEquals(6, SampleStride.acrossColumns(6, 35));
		assertEquals(1, SampleStride.acrossColumns(1, 512));
	}
}
