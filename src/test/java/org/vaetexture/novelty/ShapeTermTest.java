package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vaetexture.model.ShapeStatistics;

class ShapeTermTest {

	/** Two channels: lambda / 2 |W (g - m)|^2 with a lower-triangular W, by hand. */
	@Test
	void scoreIsTheWeightedHalfSquaredWhitenedDistance() {
		final ShapeStatistics shape = new ShapeStatistics(3, new float[] { 0.5f, -1 }, new float[] { 2,
			0, -1, 4 }, 3);
		final float[] score = ShapeTerm.score(new float[][] { { 0.5f, 1.5f, -0.5f }, { -1, 0, 2 } },
			shape);
		// pixel 0 at the mean; pixel 1: g - m = (1, 1), u = (2, -1 + 4) = (2, 3); pixel 2: (-1, 3),
		// u = (-2, 1 + 12) = (-2, 13)
		assertEquals(0, score[0], 0.0);
		assertEquals(3 * 0.5 * (4 + 9), score[1], 1e-5);
		assertEquals(3 * 0.5 * (4 + 169), score[2], 1e-4);
	}
}
