package org.vaetexture.bench;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.vaetexture.image.TextureImage;

/**
 * A two-texture segmentation case made from two single-channel images of the same size: the left
 * half shows texture A with two discs of B inside, the right half texture B with two discs of A.
 * Both textures are first rescaled to the same mean and standard deviation, so only texture tells
 * them apart. {@link #truth()} holds 0 where A shows, 1 where B does.
 */
public final class TextureComposite {

	private static final double MEAN = 128, STD = 40;

	private final TextureImage image;
	private final int[] truth;

	private TextureComposite(final TextureImage image, final int[] truth) {
		this.image = image;
		this.truth = truth;
	}

	public static TextureComposite of(final TextureImage a, final TextureImage b) {
		final int w = a.width(), h = a.height();
		final int[] truth = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final boolean left = x < w / 2;
				final boolean disc = left ? inDisc(x, y, w / 4, h / 4, h / 8) || inDisc(x, y, w / 4, 3 * h /
					4, h / 12) : inDisc(x, y, 3 * w / 4, h / 4, h / 12) || inDisc(x, y, 3 * w / 4, 3 * h / 4,
						h / 8);
				truth[y * w + x] = left ^ disc ? 0 : 1;
			}
		final float[] sa = standardized(a), sb = standardized(b);
		final float[] pixels = new float[w * h];
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = truth[i] == 0 ? sa[i] : sb[i];
		final ArrayImg<FloatType, FloatArray> data = ArrayImgs.floats(pixels, w, h, 1, 1);
		return new TextureComposite(new TextureImage(a.name().replace(".tif", "") + "|" + b.name()
			.replace(".tif", ""), data, null), truth);
	}

	private static boolean inDisc(final int x, final int y, final int cx, final int cy, final int r) {
		return (long) (x - cx) * (x - cx) + (long) (y - cy) * (y - cy) <= (long) r * r;
	}

	/** The first plane of the first channel, rescaled to mean {@value #MEAN} and std {@value #STD}. */
	private static float[] standardized(final TextureImage t) {
		final RandomAccessibleInterval<? extends RealType<?>> plane = Views.hyperSlice(Views.hyperSlice(
			t.data(), 3, 0), 2, 0);
		final float[] v = new float[t.width() * t.height()];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(plane).cursor();
		double s = 0, ss = 0;
		for (int i = 0; i < v.length; i++) {
			v[i] = c.next().getRealFloat();
			s += v[i];
		}
		final double m = s / v.length;
		for (final float x : v)
			ss += (x - m) * (x - m);
		final double std = Math.sqrt(ss / v.length);
		for (int i = 0; i < v.length; i++)
			v[i] = (float) ((v[i] - m) / std * STD + MEAN);
		return v;
	}

	public TextureImage image() {
		return image;
	}

	/** 0 (texture A) or 1 (texture B) per pixel, row-major. */
	public int[] truth() {
		return truth.clone();
	}

	/** Labels of the first plane of a label image, row-major. */
	static int[] labels(final RandomAccessibleInterval<? extends RealType<?>> labels, final int w,
		final int h)
	{
		final int[] v = new int[w * h];
		final RandomAccess<? extends RealType<?>> ra = labels.randomAccess();
		final long[] pos = new long[labels.numDimensions()];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				pos[0] = x;
				pos[1] = y;
				ra.setPosition(pos);
				v[y * w + x] = (int) ra.get().getRealDouble();
			}
		return v;
	}
}
