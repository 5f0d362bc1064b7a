package org.vaetexture.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.vaetexture.image.ImageFiles;
import org.vaetexture.maps.TextureClasses;
import org.vaetexture.maps.TextureSegmentation;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.train.Trainer;
import org.vaetexture.train.TrainingListener;
import org.vaetexture.train.TrainingOptions;

/**
 * Unsupervised texture segmentation on {@link TextureComposite}s of the sample textures: for each
 * pair, a VAE is trained on the composite itself, its features are clustered into two classes and
 * the label image is scored by {@link LabelAccuracy} against the truth.
 */
public final class SegmentationBenchmark {

	/** The pairs (A, B) of sample images: A on the left with discs of B, B on the right. */
	public static final List<String[]> PAIRS = List.of(new String[] { "brick", "grass" },
		new String[] { "gravel", "brick" }, new String[] { "grass", "gravel" });

	private final PrintWriter out;

	public SegmentationBenchmark(final PrintWriter out) {
		this.out = out;
	}

	/**
	 * @param samples folder of the sample images
	 * @param radius smoothing radius, or -1 for the default
	 */
	public void run(final Path samples, final VaeConfig.Builder config,
		final TrainingOptions options, final int radius)
	{
		out.printf("%-22s %9s %8s %10s%n", "composite", "accuracy", "train s", "segment s");
		double sum = 0;
		for (final String[] pair : PAIRS) {
			final TextureComposite composite = TextureComposite.of(ImageFiles.open(samples.resolve(
				pair[0] + ".tif")), ImageFiles.open(samples.resolve(pair[1] + ".tif")));
			final long t0 = System.nanoTime();
			final VaeModel model = new Trainer(config.channels(1).build(), options).train(List.of(
				composite.image()), TrainingListener.NONE, () -> false);
			final long t1 = System.nanoTime();
			final TextureSegmentation segmentation = new TextureSegmentation(model, radius < 0
				? TextureSegmentation.defaultRadius(model.config()) : radius);
			final TextureClasses classes = segmentation.fit(composite.image(), 2, options.seed(), f -> {},
				() -> false);
			final Img<UnsignedByteType> labels = segmentation.label(composite.image(), classes, f -> {},
				() -> false);
			final double accuracy = LabelAccuracy.of(composite.truth(), TextureComposite.labels(labels,
				composite.image().width(), composite.image().height()));
			out.printf(Locale.ROOT, "%-22s %9.3f %8.1f %10.1f%n", composite.image().name(), accuracy,
				(t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
			out.flush();
			sum += accuracy;
		}
		out.printf(Locale.ROOT, "%-22s %9.3f%n", "mean", sum / PAIRS.size());
		out.flush();
	}
}
