package org.vaetexture.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.vaetexture.api.Monitor;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.ImageFiles;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.segment.SegmentationOptions;
import org.vaetexture.segment.TextureClasses;
import org.vaetexture.train.TrainingOptions;

/**
 * Unsupervised texture segmentation on {@link TextureComposite}s of the sample textures: for each
 * pair, a VAE is trained on the composite itself, its features are clustered into two classes and
 * the label image is scored by {@link LabelAccuracy} against the truth.
 */
public final class SegmentationBenchmark {

	/**
	 * The pairs (A, B) of sample images the settings were chosen on: A on the left with discs of B,
	 * B on the right. A name may say how the image is changed: turned 90 degrees ("@rot90") or at
	 * twice the scale ("@x2": a quarter of it enlarged); ihc.tif is read as grey.
	 */
	public static final List<String[]> PAIRS = List.of(new String[] { "brick", "grass" },
		new String[] { "gravel", "brick" }, new String[] { "grass", "gravel" }, new String[] { "brick",
			"brick@rot90" }, new String[] { "gravel", "gravel@x2" }, new String[] { "ihc", "gravel" });

	/**
	 * Pairs that no setting was chosen on, made the same way; the last four were added after the
	 * features were chosen, so that the choice of their box's radius would meet pairs it had not
	 * seen.
	 */
	public static final List<String[]> HELD_OUT = List.of(new String[] { "grass", "grass@x2" },
		new String[] { "brick", "brick@x2" }, new String[] { "gravel@rot90", "brick@rot90" },
		new String[] { "grass@rot90", "brick" }, new String[] { "gravel", "grass@x2" }, new String[] {
			"brick@x2", "grass" }, new String[] { "gravel@x2", "brick@rot90" });

	private final PrintWriter out;

	public SegmentationBenchmark(final PrintWriter out) {
		this.out = out;
	}

	/**
	 * @param samples folder of the sample images
	 * @param radius smoothing radius, or -1 for the default
	 */
	public void run(final Path samples, final VaeConfig.Builder config,
		final TrainingOptions options, final int radius, final List<String[]> pairs)
	{
		out.printf("%-26s %9s %8s %10s%n", "composite", "accuracy", "train s", "segment s");
		double sum = 0;
		for (final String[] pair : pairs) {
			final TextureComposite composite = TextureComposite.of(texture(samples, pair[0]), texture(
				samples, pair[1]));
			final long t0 = System.nanoTime();
			final VaeModel model = VaeTexture.train(List.of(composite.image()), config, options,
				Monitor.NONE);
			final long t1 = System.nanoTime();
			final TextureClasses classes = VaeTexture.fitClasses(model, composite.image(),
				SegmentationOptions.defaults().withClasses(2).withSmoothing(radius).withSeed(options
					.seed()), Monitor.NONE);
			final Img<UnsignedByteType> labels = VaeTexture.segment(model, composite.image(), classes,
				Monitor.NONE);
			final double accuracy = LabelAccuracy.of(composite.truth(), TextureComposite.labels(labels,
				composite.image().width(), composite.image().height()));
			out.printf(Locale.ROOT, "%-26s %9.3f %8.1f %10.1f%n", composite.image().name(), accuracy,
				(t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
			out.flush();
			sum += accuracy;
		}
		out.printf(Locale.ROOT, "%-26s %9.3f%n", "mean", sum / pairs.size());
		out.flush();
	}

	/** A sample image as 8-bit grey, turned or enlarged as its name says (see {@link #PAIRS}). */
	private static TextureImage texture(final Path samples, final String spec) {
		final String name = spec.replaceFirst("@.*", "");
		final Path file = samples.resolve(name + ".tif");
		ImageProcessor ip = ImageFiles.openImagePlus(file).getProcessor().convertToByte(false);
		if (spec.endsWith("@rot90")) ip = ip.rotateLeft();
		else if (spec.endsWith("@x2")) {
			ip.setRoi(0, 0, ip.getWidth() / 2, ip.getHeight() / 2);
			ip = ip.crop();
			ip.setInterpolationMethod(ImageProcessor.BILINEAR);
			ip = ip.resize(ip.getWidth() * 2, ip.getHeight() * 2);
		}
		return ImageFiles.wrap(new ImagePlus(spec, ip), samples.resolve(spec));
	}
}
