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
		final TextureSegmentation segmentation = new TextureSegmentation(model, radius);
		final LatentMap features = segmentation.features();
		final MapRunner runner = new MapRunner(model);
		final List<int[]> blocks = runner.blocks(image.planes(), 0, 0, image.width(), image.height());
		Collections.shuffle(blocks, new Random(seed));
		final List<int[]> chosen = blocks.subList(0, Math.min(BLOCKS, blocks.size()));
		final double fraction = Math.min(1, TextureSegmentation.MAX_SAMPLES / (double) chosen.stream()
			.mapToLong(b -> (long) b[3] * b[4]).sum());
		final SplittableRandom random = new SplittableRandom(seed);
		final List<double[]> samples = new ArrayList<>();
		// one thread, as the labelling's tasks: the same classes wherever they are fitted
		Backend.onOneThread(() -> {
			try {
				for (int i = 0; i < chosen.size(); i++) {
					if (cancelled.getAsBoolean()) throw new CancellationException("fit cancelled");
					final int[] b = chosen.get(i);
					TextureSegmentation.drawPixels(runner.block(ChunkedMapJob.input(image, runner, features,
						b[0], b[1], b[2], b[3], b[4]), features, b[1], b[2], b[3], b[4]), fraction, random, samples);
					progress.accept((i + 1.0) / chosen.size());
				}
			}
			finally {
				NativeArrays.releaseWorkspaces();
			}
		});
		return segmentation.fit(samples, classes, seed, image.name(), cancelled);
	}
}
