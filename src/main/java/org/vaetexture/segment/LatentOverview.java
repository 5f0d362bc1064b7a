package org.vaetexture.segment;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.vaetexture.VaeTextureException;
import org.vaetexture.dense.FeatureMap;
import org.vaetexture.dense.MapRunner;
import org.vaetexture.image.MapImages;
import org.vaetexture.image.TextureImage;
import org.vaetexture.math.PrincipalComponents;
import org.vaetexture.model.VaeModel;
import org.vaetexture.novelty.NoveltyCalibration;

/**
 * Texture at a glance: the latent feature map (mu per pixel, averaged over a (2r + 1)^2 box so that
 * the colour follows the texture rather than the phase of its pattern) projected on its own first
 * three principal components, shown as red, green and blue. Each component is stretched linearly so its
 * {@value #LOW_PERCENT}th to {@value #HIGH_PERCENT}th percentiles span 0 to 255. The PCA is fitted
 * on the map itself (all planes together); with fewer than three latent dimensions the missing
 * colours stay 0. Output: an {@code Img<ARGBType>} of X x Y[ x planes].
 */
public final class LatentOverview {

	static final double LOW_PERCENT = 1, HIGH_PERCENT = 99;

	private final VaeModel model;
	private final int radius;

	/** With the novelty descriptor's radius, T/4 - 1. */
	public LatentOverview(final VaeModel model) {
		this(model, NoveltyCalibration.radius(model.config().tileSize()));
	}

	/** @param radius of the box over which mu is averaged; 0 for mu itself */
	public LatentOverview(final VaeModel model, final int radius) {
		if (radius < 0 || radius > 256) throw new VaeTextureException(
			"smoothing radius must be from 0 to 256 pixels, got " + radius);
		this.model = model;
		this.radius = radius;
	}

	public Img<ARGBType> run(final TextureImage image, final DoubleConsumer progress,
		final BooleanSupplier cancelled)
	{
		final int l = model.config().latentDim();
		final Img<FloatType> map = new MapRunner(model).run(image, new FeatureMap(l, radius), progress,
			cancelled);
		final int n = (int) (map.size() / l);
		final float[][] x = new float[l][n];
		final Cursor<FloatType> c = Views.flatIterable(map).cursor();
		// X, Y[, L][, planes]: X and Y fastest, then the latent dimension, then the plane
		final int plane = image.width() * image.height();
		for (int p = 0; p < image.planes(); p++)
			for (int j = 0; j < l; j++)
				for (int i = 0; i < plane; i++)
					x[j][p * plane + i] = c.next().get();
		final PrincipalComponents pca = PrincipalComponents.fit(x);
		final int[][] rgb = new int[3][];
		final double[] point = new double[l];
		for (int k = 0; k < Math.min(3, l); k++) {
			final float[] coordinate = new float[n];
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < l; j++)
					point[j] = x[j][i];
				coordinate[i] = (float) pca.project(point, k);
			}
			rgb[k] = stretch(coordinate);
		}
		final Img<ARGBType> out = MapImages.create(new ARGBType(), image.width(), image.height(), 1,
			image.planes());
		int i = 0;
		for (final ARGBType v : Views.flatIterable(out)) {
			v.set(ARGBType.rgba(value(rgb[0], i), value(rgb[1], i), value(rgb[2], i), 255));
			i++;
		}
		return out;
	}

	private static int value(final int[] channel, final int i) {
		return channel == null ? 0 : channel[i];
	}

	/** Linear map of the 1st to 99th percentile onto 0 to 255, clamped. */
	static int[] stretch(final float[] v) {
		final float[] sorted = v.clone();
		Arrays.sort(sorted);
		final double low = sorted[(int) (LOW_PERCENT / 100 * (sorted.length - 1))];
		final double high = sorted[(int) Math.ceil(HIGH_PERCENT / 100 * (sorted.length - 1))];
		final double scale = high > low ? 255 / (high - low) : 0;
		final int[] out = new int[v.length];
		for (int i = 0; i < v.length; i++)
			out[i] = (int) Math.round(Math.max(0, Math.min(255, (v[i] - low) * scale)));
		return out;
	}
}
