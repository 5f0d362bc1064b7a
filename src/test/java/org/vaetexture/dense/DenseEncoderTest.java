package org.vaetexture.dense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.TestImages;
import org.vaetexture.model.Backend;
import org.vaetexture.model.EpochRecord;
import org.vaetexture.model.Normalization;
import org.vaetexture.model.TrainingSummary;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.model.VaeNetwork;

class DenseEncoderTest {

	@BeforeAll
	static void start() {
		Backend.useThreads(1);
	}

	static VaeModel model(final VaeConfig config, final Normalization n) {
		return new VaeModel(VaeNetwork.create(config, 5), n, new TrainingSummary(0, 0, 0, 0, 0, false,
			List.of()), List.<EpochRecord> of());
	}

	/** The encoder applied to the mirrored window of every pixel, one window at a time. */
	static INDArray slidingWindows(final VaeModel model, final RandomAccessible<? extends RealType<?>> plane,
		final int width, final int height)
	{
		final VaeConfig c = model.config();
		final int t = c.tileSize();
		final float[] tiles = new float[width * height * c.channels() * t * t];
		final RandomAccess<? extends RealType<?>> ra = plane.randomAccess();
		int i = 0;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				for (int ch = 0; ch < c.channels(); ch++)
					for (int wy = 0; wy < t; wy++)
						for (int wx = 0; wx < t; wx++) {
							ra.setPosition(new long[] { x - t / 2 + wx, y - t / 2 + wy, ch });
							tiles[i++] = model.normalization().apply(ra.get().getRealFloat(), ch);
						}
		final INDArray[] enc = model.network().encode(Nd4j.create(tiles, new long[] { (long) width *
			height, c.channels(), t, t }, 'c'));
		// [N, L] x 2 -> [2L, h, w]
		return Nd4j.concat(1, enc).transpose().reshape('c', 2 * c.latentDim(), height, width);
	}

	private static void assertClose(final INDArray expected, final INDArray actual) {
		assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()));
		final double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
		final double diff = expected.sub(actual).amaxNumber().doubleValue();
		assertTrue(diff / scale < 1e-4, "max relative difference " + diff / scale);
	}

	private static final int[] TILE_SIZES = { 8, 16, 22, 32 };

	/** An untrained two-channel model of tile size t. */
	private static VaeModel twoChannelModel(final int t) {
		return model(VaeConfig.builder().tileSize(t).channels(2).latentDim(3).filters1(4).filters2(5)
			.build(), new Normalization(new float[] { 50, 40 }, new float[] { 20, 30 }));
	}

	/** A 29 x 23 two-channel image, mirror-extended. */
	private static RandomAccessible<? extends RealType<?>> twoChannelPlane() {
		return Views.extendMirrorSingle(Views.hyperSlice(TestImages.wrap(TestImages.stackOfChannels(29,
			23, 2, 7)).data(), 3, 0));
	}

	@Test
	void denseMapEqualsTheEncoderOnEveryWindowBordersIncluded() {
		for (final int t : TILE_SIZES) {
			final VaeModel model = twoChannelModel(t);
			final RandomAccessible<? extends RealType<?>> plane = twoChannelPlane();
			assertClose(slidingWindows(model, plane, 29, 23), new DenseEncoder(model).encode(plane, 0, 0,
				29, 23));
		}
	}

	/** For every tile size, both channels, the rectangle's corners and beyond them by the margin. */
	@Test
	void codesHoldTheNormalizedInputAroundTheRectangle() {
		for (final int t : TILE_SIZES) {
			final VaeModel model = twoChannelModel(t);
			final RandomAccessible<? extends RealType<?>> plane = twoChannelPlane();
			final DenseCodes codes = new DenseEncoder(model).codes(plane, 5, 3, 17, 10, false);
			final int m = codes.inputMargin(), width = 17 + 2 * m;
			assertEquals(model.config().inputReach(), m);
			assertEquals(2, codes.inputChannels());
			final RandomAccess<? extends RealType<?>> ra = plane.randomAccess();
			for (int ch = 0; ch < 2; ch++) {
				assertEquals(width * (10 + 2 * m), codes.input(ch).length);
				for (final int[] p : new int[][] { { -m, -m }, { 0, 0 }, { 7, 4 }, { 16 + m, 9 + m }, { -m, 9 +
					m } })
				{
					ra.setPosition(new long[] { 5 + p[0], 3 + p[1], ch });
					assertEquals(model.normalization().apply(ra.get().getRealFloat(), ch), codes.input(ch)[(p[1] +
						m) * width + p[0] + m], 0.0, "tile " + t + ", channel " + ch);
				}
			}
		}
	}

	@Test
	void blocksEqualTheWholeImage() {
		final VaeConfig config = VaeConfig.builder().tileSize(16).latentDim(4).filters1(4).filters2(6)
			.build();
		final VaeModel model = model(config, new Normalization(new float[] { 100 }, new float[] { 30 }));
		final RandomAccessible<? extends RealType<?>> plane = Views.extendMirrorSingle(Views.hyperSlice(
			TestImages.open("gravel.tif").data(), 3, 0));
		final DenseEncoder dense = new DenseEncoder(model);
		final INDArray whole = dense.encode(plane, 0, 0, 70, 50);
		final INDArray block = dense.encode(plane, 33, 17, 21, 30);
		assertClose(whole.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
			org.nd4j.linalg.indexing.NDArrayIndex.interval(17, 47), org.nd4j.linalg.indexing.NDArrayIndex
				.interval(33, 54)), block);
	}
}
