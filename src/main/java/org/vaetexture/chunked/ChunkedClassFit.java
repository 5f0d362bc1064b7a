package org.vaetexture.chunked;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.vaetexture.dense.LatentMap;
import org.vaetexture.dense.MapRunner;
import org.vaetexture.dense.NativeArrays;
import org.vaetexture.image.ImageChecks;
import org.vaetexture.model.Backend;
import org.vaetexture.model.VaeModel;
import org.vaetexture.segment.TextureClasses;
import org.vaetexture.segment.TextureSegmentation;

/**
 * Texture classes fitted to an image too large to read whole: the segmentation features of a
 * seeded random choice of the maps' blocks (each with its halo, as the map computes it), a seeded
 * sample of their pixels, and the fit of {@link TextureSegmentation} on those. The one global step
 * of a chunked segmentation; the labelling then runs chunk by chunk with the classes.
 */
public final class ChunkedClassFit {

	/** Blocks read for the sample: 16 of 256 x 256, a million pixels. */
	static final int BLOCKS = 16;

	private ChunkedClassFit() {}

	/**
	 * @param radius of the features' smoothing box, in pixels
	 * @param progress fraction of the sample's blocks read, 0 to 1
	 * @throws CancellationException when {@code cancelled} answers true (between blocks)
	 */
	public static TextureClasses fit(final VaeModel model, final ChunkedImage image,
		final int classes, final int radius, final long seed, final DoubleConsumer progress,
		final BooleanSupplier cancelled)
	{
		TextureSegmentation.requireClasses(classes);
		ImageChecks.requireFits(image.name(), image.width(), image.height(), image.channels(), model
			.config());
		Backend.useThreads(1); // as the labelling's tasks: the same classes wherever they are fitted
		final TextureSegmentation segmentation = new TextureSegmentation(model, radius);
		final LatentMap features = segmentation.features();
		final MapRunner runner = new MapRunner(model);
		final int block = runner.blockSize();
		final List<int[]> blocks = new ArrayList<>();
		for (int p = 0; p < image.planes(); p++)
			for (int y = 0; y < image.height(); y += block)
				for (int x = 0; x < image.width(); x += block)
					blocks.add(new int[] { p, x, y });
		Collections.shuffle(blocks, new Random(seed));
		final List<int[]> chosen = blocks.subList(0, Math.min(BLOCKS, blocks.size()));
		long pixels = 0;
		for (final int[] b : chosen)
			pixels += (long) Math.min(block, image.width() - b[1]) * Math.min(block, image.height() - b[2]);
		final double fraction = Math.min(1, TextureSegmentation.MAX_SAMPLES / (double) pixels);
		final SplittableRandom random = new SplittableRandom(seed);
		final List<double[]> samples = new ArrayList<>();
		try {
			for (int i = 0; i < chosen.size(); i++) {
				if (cancelled.getAsBoolean()) throw new CancellationException("fit cancelled");
				final int[] b = chosen.get(i);
				final int w = Math.min(block, image.width() - b[1]), h = Math.min(block, image.height() -
					b[2]);
				final float[][] f = runner.block(ChunkedMapJob.input(image, runner, features, b[0], b[1], b[2],
					w, h), features, b[1], b[2], w, h);
				for (int j = 0; j < w * h; j++)
					if (random.nextDouble() < fraction) {
						final double[] x = new double[f.length];
						for (int a = 0; a < f.length; a++)
							x[a] = f[a][j];
						samples.add(x);
					}
				progress.accept((i + 1.0) / chosen.size());
			}
		}
		finally {
			NativeArrays.releaseWorkspaces();
		}
		return segmentation.fit(samples, classes, image.name());
	}
}
