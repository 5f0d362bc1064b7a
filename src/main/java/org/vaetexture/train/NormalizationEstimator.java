package org.vaetexture.train;

import java.util.Arrays;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.vaetexture.VaeTextureException;
import org.vaetexture.image.FinitePixels;
import org.vaetexture.image.TextureImage;
import org.vaetexture.math.SampleStride;
import org.vaetexture.model.Normalization;

/**
 * Computes the {@link Normalization} of training images: per channel, the median and the 1st to
 * 99th percentile spread of all pixels (a regular subsample of at most about a million per channel
 * on large images). Checks on the way that every pixel is finite and that the images are not
 * constant.
 */
public final class NormalizationEstimator {

	private static final int MAX_SAMPLES = 1 << 20;
	/** The 1st-99th percentile spread of a standard normal distribution. */
	private static final double NORMAL_SPREAD = 4.6527;

	private NormalizationEstimator() {}

	public static Normalization estimate(final List<TextureImage> images) {
		final int channels = images.get(0).channels();
		final float[] center = new float[channels], scale = new float[channels];
		long pixels = 0;
		for (final TextureImage image : images)
			pixels += (long) image.width() * image.height() * image.planes();
		final long stride = Math.max(1, pixels / MAX_SAMPLES);
		for (int c = 0; c < channels; c++) {
			final float[] samples = new float[(int) Math.min(Integer.MAX_VALUE - 8, pixels / stride + images.size())];
			int n = 0;
			float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
			for (final TextureImage image : images) {
				final long every = SampleStride.acrossColumns(stride, image.width());
				long i = 0;
				final Cursor<? extends RealType<?>> cursor = Views.flatIterable(Views.hyperSlice(image
					.data(), 2, c)).cursor();
				while (cursor.hasNext()) {
					final float v = cursor.next().getRealFloat();
					if (!Float.isFinite(v)) throw FinitePixels.error(image, cursor.getLongPosition(0), cursor
						.getLongPosition(1), c, cursor.getLongPosition(2));
					min = Math.min(min, v);
					max = Math.max(max, v);
					if (i++ % every == 0 && n < samples.length) samples[n++] = v;
				}
			}
			Arrays.sort(samples, 0, n);
			center[c] = percentile(samples, n, 0.5);
			final double spread = percentile(samples, n, 0.99) - percentile(samples, n, 0.01);
			if (max <= min) throw new VaeTextureException("training image" + (images.size() > 1 ? "s are"
				: " '" + images.get(0).name() + "' is") + " constant" + (channels > 1 ? " in channel " +
					(c + 1) : "") + " (every pixel " + min + "): a VAE cannot learn texture from it; " +
				"choose an image or region with texture");
			scale[c] = (float) (spread > 0 ? spread / NORMAL_SPREAD : (max - min) / NORMAL_SPREAD);
		}
		return new Normalization(center, scale);
	}

	private static float percentile(final float[] sorted, final int n, final double q) {
		return sorted[(int) Math.min(n - 1, Math.round(q * (n - 1)))];
	}
}
