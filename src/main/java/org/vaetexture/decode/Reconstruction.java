package org.vaetexture.decode;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaetexture.image.MapImages;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.Normalization;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;

/**
 * The image as the VAE reconstructs it, and the per-pixel reconstruction error. The image is cut
 * into T x T tiles on four grids shifted by T/2 (mirrored at the borders); every tile is encoded
 * (its mean mu) and decoded, and each pixel averages the four reconstructions that cover it, which
 * hides the seams of any single grid. The error is the squared difference to the image in
 * normalized units, summed over channels.
 */
public final class Reconstruction {

	private final VaeModel model;

	public Reconstruction(final VaeModel model) {
		this.model = model;
	}

	/** The image must fit the model ({@link org.vaetexture.image.ImageChecks#requireCompatible}). */
	public Reconstructed run(final TextureImage image, final DoubleConsumer progress,
		final BooleanSupplier cancelled)
	{
		final VaeConfig cfg = model.config();
		final Normalization norm = model.normalization();
		final int t = cfg.tileSize(), c = cfg.channels(), w = image.width(), h = image.height();
		final int planes = image.planes();
		final float[] recon = new float[planes * c * w * h], error = new float[planes * w * h];
		final int cols = w / t + 2, rows = h / t + 2;
		final long steps = 4L * planes * rows;
		long done = 0;
		for (int p = 0; p < planes; p++) {
			final RandomAccessible<? extends RealType<?>> plane = Views.extendMirrorSingle(Views.hyperSlice(
				image.data(), 3, p));
			final RandomAccess<? extends RealType<?>> ra = plane.randomAccess();
			for (int shift = 0; shift < 4; shift++) {
				final int ox = (shift % 2) * t / 2, oy = (shift / 2) * t / 2;
				for (int row = 0; row < rows; row++) {
					if (cancelled.getAsBoolean()) throw new CancellationException("reconstruction cancelled");
					final int y0 = row * t - oy;
					final float[] tiles = new float[cols * c * t * t];
					int i = 0;
					for (int col = 0; col < cols; col++)
						for (int ch = 0; ch < c; ch++)
							for (int y = 0; y < t; y++)
								for (int x = 0; x < t; x++) {
									ra.setPosition(new long[] { col * t - ox + x, y0 + y, ch });
									tiles[i++] = norm.apply(ra.get().getRealFloat(), ch);
								}
					final float[] out;
					try (INDArray in = Nd4j.create(tiles, new long[] { cols, c, t, t }, 'c')) {
						out = model.network().decode(model.network().encode(in)[0]).dup('c').data().asFloat();
					}
					i = 0;
					for (int col = 0; col < cols; col++)
						for (int ch = 0; ch < c; ch++)
							for (int y = 0; y < t; y++)
								for (int x = 0; x < t; x++, i++) {
									final int ix = col * t - ox + x, iy = y0 + y;
									if (ix < 0 || iy < 0 || ix >= w || iy >= h) continue;
									final float d = out[i] - tiles[i];
									recon[((p * c + ch) * h + iy) * w + ix] += 0.25f * out[i];
									error[(p * h + iy) * w + ix] += 0.25f * d * d;
								}
					progress.accept((double) ++done / steps);
				}
			}
		}
		for (int p = 0; p < planes; p++)
			for (int ch = 0; ch < c; ch++)
				for (int i = 0; i < w * h; i++) {
					final int k = (p * c + ch) * w * h + i;
					recon[k] = norm.invert(recon[k], ch);
				}
		return new Reconstructed(img(recon, w, h, c, planes), img(error, w, h, 1, planes));
	}

	private static Img<FloatType> img(final float[] data, final int w, final int h, final int c,
		final int planes)
	{
		final Img<FloatType> img = MapImages.floats(w, h, c, planes);
		int i = 0;
		for (final FloatType v : Views.flatIterable(img))
			v.set(data[i++]);
		return img;
	}
}
