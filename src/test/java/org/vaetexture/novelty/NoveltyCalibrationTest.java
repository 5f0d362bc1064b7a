package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the calibration samples held-out pixels for the shape weight and the threshold. */
class NoveltyCalibrationTest {

	@Test
	void theThresholdPassesKeepAtMostTheSamplesAndNoFewerThanNeeded() {
		final int most = 1000;
		for (final long pixels : new long[] { 1, 999, 1000, 1001, 1999, 2000, 2001, 123_457 }) {
			final long stride = NoveltyCalibration.sampleStride(pixels, most);
			// one pixel in every stride, from the first
			final long kept = (pixels + stride - 1) / stride;
			assertTrue(kept <= most, pixels + " pixels, one in " + stride + ": " + kept + " kept");
			assertTrue(stride == 1 || (pixels + stride - 2) / (stride - 1) > most, pixels +
				" pixels: one in " + (stride - 1) + " would do");
		}
	}
}
