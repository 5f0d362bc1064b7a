package org.vaetexture.dense;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaetexture.model.Backend;

class WinogradHeadTest {

	@BeforeAll
	static void start() {
		Backend.useThreads(1);
	}

	/** The Winograd head against ND4J's direct convolution, on ReLU-like (non-negative) input. */
	@Test
	void equalsTheDirectConvolution() {
		Nd4j.getRandom().setSeed(3);
		for (final int r : new int[] { 3, 4, 7, 10 }) {
			final int m = WinogradHead.ALPHA - r + 1, channels = 24, outputs = 10;
			final INDArray input = Transforms.relu(Nd4j.randn(DataType.FLOAT, 2, r + 4, 3 * m + r - 1,
				channels), false);
			final INDArray weights = Nd4j.randn(DataType.FLOAT, r, r, channels, outputs).muli(0.05);
			final INDArray bias = Nd4j.randn(DataType.FLOAT, outputs);
			final INDArray direct = Nd4j.cnn().conv2d(input, weights, bias, Conv2DConfig.builder().kH(r)
				.kW(r).paddingMode(PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO)
				.build());
			final INDArray winograd = new WinogradHead(weights, bias).apply(input);
			assertTrue(java.util.Arrays.equals(direct.shape(), winograd.shape()), "shape");
			final double relative = direct.sub(winograd).amaxNumber().doubleValue() / direct
				.amaxNumber().doubleValue();
			assertTrue(relative < 5e-5, r + " taps: max relative difference " + relative);
		}
	}

	@Test
	void takesOnlyKernelsItSpeedsUpAndWholeSegments() {
		assertFalse(WinogradHead.gains(2));
		assertTrue(WinogradHead.gains(7));
		assertFalse(WinogradHead.gains(11));
		assertThrows(IllegalArgumentException.class, () -> new WinogradHead(Nd4j.ones(DataType.FLOAT,
			2, 2, 3, 4), Nd4j.zeros(DataType.FLOAT, 4)));
		final WinogradHead head = new WinogradHead(Nd4j.ones(DataType.FLOAT, 7, 7, 3, 4), Nd4j.zeros(
			DataType.FLOAT, 4));
		assertThrows(IllegalArgumentException.class, () -> head.apply(Nd4j.ones(DataType.FLOAT, 1, 8,
			6 + 5, 3)));
	}
}
