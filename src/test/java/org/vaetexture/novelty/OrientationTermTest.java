package org.vaetexture.novelty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.vaetexture.TestImages;
import org.vaetexture.dense.MapRunner;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.Backend;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.Trainer;
import org.vaetexture.train.TrainingListener;
import org.vaetexture.train.TrainingOptions;

/**
 * End to end, on real texture: the grass photograph's finest detail runs more along y than along x,
 * so a square of it turned by 90 degrees raises the orientation term there, and not elsewhere.
 */
class OrientationTermTest {

	@Test
	void aTurnedSquareOfGrassRaisesTheOrientationTerm() {
		Backend.useThreads(1);
		final FloatProcessor grass = IJ.openImage(TestImages.sample("grass.tif").toString())
			.getProcessor().convertToFloatProcessor();
		final int side = 256, from = 80, to = 176;
		final FloatProcessor top = crop(grass, 0, side), test = crop(grass, side, side);
		for (int y = from; y < to; y++)
			for (int x = from; x < to; x++)
				test.setf(x, y, grass.getf(y, side + x)); // the bottom half transposed
		final TextureImage train = TestImages.wrap(new ImagePlus("top", top));
		final VaeModel trained = new Trainer(VaeConfig.builder().tileSize(32).latentDim(4).filters1(6)
			.filters2(8).build(), TrainingOptions.builder().epochs(2).stepsPerEpoch(20).batchSize(32)
				.validationTiles(64).build()).train(List.of(train), TrainingListener.NONE, () -> false);
		final VaeModel model = NoveltyCalibration.calibrate(trained, List.of(train), 0.01, f -> {},
			() -> false);
		final Img<FloatType> terms = new MapRunner(model).run(TestImages.wrap(new ImagePlus("turned",
			test)), new NoveltyTermsMap(model.novelty()));
		final RandomAccess<? extends RealType<?>> ra = terms.randomAccess();
		ra.setPosition(NoveltyTerm.ORIENTATION.ordinal(), 2);
		double inside = 0, outside = 0;
		int in = 0, out = 0;
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++) {
				ra.setPosition(x, 0);
				ra.setPosition(y, 1);
				final double v = ra.get().getRealDouble();
				if (x >= from + 20 && x < to - 20 && y >= from + 20 && y < to - 20) {
					inside += v;
					in++;
				}
				else if (x < from - 30 || x >= to + 30 || y < from - 30 || y >= to + 30) {
					outside += v;
					out++;
				}
			}
		assertTrue(inside / in > 3 * outside / out, "orientation term inside " + inside / in +
			", outside " + outside / out);
	}

	/** Rows y0 to y0 + side - 1 and the first side columns. */
	private static FloatProcessor crop(final FloatProcessor fp, final int y0, final int side) {
		final FloatProcessor out = new FloatProcessor(side, side);
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++)
				out.setf(x, y, fp.getf(x, y0 + y));
		return out;
	}
}
